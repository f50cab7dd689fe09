import type { EntityManager } from '@mikro-orm/postgresql';
import { appraisal, evaluation, isoDate } from '@massline/shared';
import { DEMO_ACCOUNTS } from '../../seeders/demo-accounts';
import { seededRandom } from '../../seeders/seeded-random';
import { User } from '../accounts/user.entity';
import { Term } from '../cadres/term.entity';
import { CampaignTerm } from '../evaluation/campaign-term.entity';
import { Inspection } from './inspection.entity';
import { MassEvaluationRepository } from './mass-evaluation.repository';
import { SpecialAudit } from './special-audit.entity';
import { VerdictSettingsRepository } from './verdict-settings.repository';

/** A term with published mass satisfaction: what the demo's inspection and audit are set against. */
interface Candidate {
  term: Term;
  mass: number;
  half: number;
  /** Mean satisfaction over the livelihood criteria (all but work style). */
  livelihood: number;
  workStyleGap: number;
}

type InspectionFigures = Pick<Inspection, 'score' | 'findings' | 'inspector' | 'inspectedOn' | 'reportedGrowth'>;
type AuditFigures = Pick<
  SpecialAudit,
  'debtAtStart' | 'debtAtEnd' | 'irregularFunds' | 'showcaseSpending' | 'totalSpending' | 'findings' | 'auditBody' | 'auditedOn'
>;

/** Who inspects and audits: the organization department and the audit bureau of the city above the county. */
const BODIES: Readonly<Record<string, { inspector: string; audit: string }>> = {
  '8801': { inspector: '江川市委组织部考核组 Jiangchuan City organization department', audit: '江川市审计局 Jiangchuan City Audit Bureau' },
  '8804': { inspector: '安澜市委组织部考核组 Anlan City organization department', audit: '安澜市审计局 Anlan City Audit Bureau' },
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Inspections and special audits of the demo's evaluated terms, set against each term's published mass
 * satisfaction so that the verdicts (reached on read by VerdictService) tell the mechanism's stories: the
 * cadre with the lowest livelihood satisfaction reported strong growth (GDP-oriented), the next lowest
 * pleased the inspectors (official-oriented), one county leader borrowed (debt-financed), the one whose
 * work style the residents rate far below the rest spent on showcase projects (individual-oriented), one
 * grade sits on a band boundary (uncertain); every other cadre has ordinary records and no flag.
 * Deterministic: chosen by the seeded ballots' figures, in the order of post titles.
 */
export async function seedDemoAppraisal(seedEm: EntityManager): Promise<void> {
  const em = seedEm.fork({ keepTransactionContext: true });
  const random = seededRandom(20261201);
  const today = isoDate();
  const recorder = await em.findOneOrFail(User, { email: DEMO_ACCOUNTS.find((account) => account.role === 'ORGANIZATION')!.email });
  const settings = (await new VerdictSettingsRepository(em).active()).settings;
  // The terms some campaign evaluated (the others have no mass satisfaction to stand on).
  const terms = await em.find(
    Term,
    { id: { $in: (await em.find(CampaignTerm, {})).map((row) => row.term.id) } },
    {
      populate: ['cadre', 'post', 'post.region'],
    },
  );
  const mass = await new MassEvaluationRepository(em).latestPublishedByTerm(terms.map((term) => term.id));
  const candidates: Candidate[] = terms
    .flatMap((term) => {
      const found = mass.get(term.id);
      if (!found) return [];
      const satisfaction = evaluation.satisfactionOf(found.tally, found.eligible);
      const { mean, low, high } = satisfaction.overall;
      if (mean === null || low === null || high === null) return [];
      const scored = satisfaction.criteria.filter((criterion) => criterion.mean !== null);
      const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const livelihood = average(scored.filter((c) => c.code !== evaluation.WORK_STYLE_CRITERION).map((c) => c.mean!));
      const workStyle = scored.find((c) => c.code === evaluation.WORK_STYLE_CRITERION)?.mean ?? livelihood;
      return [{ term, mass: mean, half: (high - low) / 2, livelihood, workStyleGap: livelihood - workStyle }];
    })
    .sort((a, b) => a.term.post.title.localeCompare(b.term.post.title) || a.term.cadre.name.localeCompare(b.term.cadre.name));

  const assigned = new Set<Candidate>();
  const take = (pick: (rest: Candidate[]) => Candidate | undefined): Candidate | undefined => {
    const chosen = pick(candidates.filter((candidate) => !assigned.has(candidate)));
    if (chosen) assigned.add(chosen);
    return chosen;
  };
  const lowest = (key: (candidate: Candidate) => number) => (rest: Candidate[]) =>
    rest.reduce<Candidate | undefined>((best, candidate) => (!best || key(candidate) < key(best) ? candidate : best), undefined);
  const countyLeader = (rest: Candidate[]) => rest.find((candidate) => candidate.term.post.level === 'COUNTY');

  const inspections = new Map<Candidate, Omit<InspectionFigures, 'inspector'>>();
  const audits = new Map<Candidate, Omit<AuditFigures, 'auditBody'>>();
  const when = (iso: string) => (iso < today ? iso : today);
  const ordinaryAudit = (debt: number, spending: number): Omit<AuditFigures, 'auditBody'> => ({
    debtAtStart: debt,
    debtAtEnd: Math.round(debt * (1 + 0.03 + random() * 0.25)),
    irregularFunds: round1(spending * random() * 0.008),
    showcaseSpending: round1(spending * (0.01 + random() * 0.05)),
    totalSpending: spending,
    findings: Math.floor(random() * 4),
    auditedOn: when('2026-03-20'),
  });

  // GDP-oriented: growth reported well past the threshold while livelihood satisfaction stays below its floor.
  const gdp = take(lowest((candidate) => candidate.livelihood));
  if (gdp) {
    inspections.set(gdp, {
      score: round1(Math.min(100, gdp.mass + 9)),
      findings: '经济指标完成较好，GDP增速高于全市平均；群众反映的就业、住房问题推进缓慢。Growth targets exceeded; jobs and housing lag.',
      inspectedOn: when('2026-01-14'),
      reportedGrowth: round1(settings.gdpGrowth + 2.4),
    });
  }
  // Official-oriented: the inspection far above what the residents say.
  const official = take(lowest((candidate) => candidate.mass));
  if (official) {
    inspections.set(official, {
      score: round1(Math.min(100, official.mass + settings.officialGap + 6)),
      findings: '汇报材料完整，迎检工作细致，考核指标全部达标。Reports complete, every target met on paper.',
      inspectedOn: when('2026-01-16'),
      reportedGrowth: null,
    });
  }
  // Debt-financed: a county leader whose budget's debt grew past the threshold.
  const debt = take(countyLeader);
  if (debt) {
    inspections.set(debt, {
      score: round1(Math.min(100, debt.mass + 4)),
      findings: '基础设施项目推进快，部分项目依靠融资平台举债建设。Infrastructure built fast, much of it on borrowed money.',
      inspectedOn: when('2026-01-20'),
      reportedGrowth: 6.1,
    });
    audits.set(debt, {
      debtAtStart: 18_600,
      debtAtEnd: Math.round(18_600 * (1 + settings.debtGrowth + 0.18)),
      irregularFunds: 42,
      showcaseSpending: 610,
      totalSpending: 21_500,
      findings: 5,
      auditedOn: when('2026-03-18'),
    });
  }
  // Individual-oriented: the work-style criterion far below the others, and showcase projects past the share.
  const individual = take(lowest((candidate) => -candidate.workStyleGap));
  if (individual) {
    inspections.set(individual, {
      score: round1(Math.min(100, individual.mass + 3)),
      findings: '城市形象工程投入大，作风方面群众意见较多。Large spending on image projects; residents complain of the work style.',
      inspectedOn: when('2026-01-22'),
      reportedGrowth: 5.2,
    });
    audits.set(individual, {
      debtAtStart: 9_400,
      debtAtEnd: 10_300,
      irregularFunds: 18,
      showcaseSpending: round1(12_800 * (settings.showcaseShare + 0.07)),
      totalSpending: 12_800,
      findings: 3,
      auditedOn: when('2026-03-19'),
    });
  }
  // Uncertain: an inspection that puts the combined score just above a band boundary; the interval straddles it.
  const uncertain = take((rest) => rest.find((candidate) => candidate.half > 0.5 && candidate.mass > 62 && candidate.mass < 88));
  if (uncertain) {
    const weights = { mass: settings.weights.mass, inspection: settings.weights.inspection };
    const share = weights.mass / (weights.mass + weights.inspection);
    const boundary = settings.bands
      .map((band) => band.minimum)
      .filter((minimum) => minimum > 0)
      .reduce((best, minimum) => (Math.abs(minimum - uncertain.mass) < Math.abs(best - uncertain.mass) ? minimum : best));
    const score = (boundary + 0.2 - share * uncertain.mass) / (1 - share);
    inspections.set(uncertain, {
      score: round1(Math.max(0, Math.min(100, score))),
      findings: '工作总体平稳，亮点不多。Steady work, few highlights.',
      inspectedOn: when('2026-01-27'),
      reportedGrowth: null,
    });
  }
  // Everyone else: an inspection close to what the residents say, and for every other one an ordinary audit.
  candidates
    .filter((candidate) => !assigned.has(candidate))
    .forEach((candidate, index) => {
      inspections.set(candidate, {
        score: round1(Math.max(0, Math.min(100, candidate.mass + (random() - 0.4) * 10))),
        findings: '完成年度目标任务，群众评价与考核结果基本一致。Annual targets met; consistent with the residents’ view.',
        inspectedOn: when(`2026-02-${String(2 + (index % 26)).padStart(2, '0')}`),
        reportedGrowth: index % 3 === 0 ? round1(4 + random() * 2.5) : null,
      });
      if (index % 2 === 0)
        audits.set(candidate, ordinaryAudit(Math.round(3_000 + random() * 9_000), Math.round(6_000 + random() * 14_000)));
    });

  for (const [candidate, figures] of inspections) {
    const { term } = candidate;
    const input = { ...figures, inspector: bodiesOf(term).inspector };
    const problems = appraisal.inspectionProblems(input, { today, termStartsOn: term.startsOn });
    if (Object.keys(problems).length > 0) throw new Error(`demo inspection of ${term.post.title}: ${JSON.stringify(problems)}`);
    em.create(Inspection, { ...input, term, region: term.post.region, recordedBy: recorder });
  }
  for (const [candidate, figures] of audits) {
    const { term } = candidate;
    const input = { ...figures, auditBody: bodiesOf(term).audit };
    const problems = appraisal.specialAuditProblems(input, { today, termStartsOn: term.startsOn });
    if (Object.keys(problems).length > 0) throw new Error(`demo audit of ${term.post.title}: ${JSON.stringify(problems)}`);
    em.create(SpecialAudit, { ...input, term, region: term.post.region, recordedBy: recorder });
  }
  await em.flush();
}

/** The city bodies above the term's post (its region's path names the city second). */
function bodiesOf(term: Term): { inspector: string; audit: string } {
  const city = term.post.region.path.split('/')[2];
  return BODIES[city] ?? BODIES['8801'];
}
