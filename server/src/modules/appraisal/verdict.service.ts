import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import { abilityFilter } from '../../common/ability-filter';
import { AppError, notFound } from '../../common/app-error';
import { toGlobalId } from '../../common/global-id';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Term } from '../cadres/term.entity';
import { AppraisalRecordRepository } from './appraisal-record.repository';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';
import { VerdictSettingsRepository } from './verdict-settings.repository';
import { tendencyFlagView } from '../evaluation/dto/evaluation.outputs';
import type { Verdict } from './verdict.types';

/** Mass satisfaction with a term, from the latest published campaign whose ballots for it reached k. */
export interface TermMassEvaluation {
  campaignId: string;
  title: string;
  titleZh: string;
  period: string;
  /** Citizens who could vote: the population of the finite-population correction (null: unknown). */
  eligible: number | null;
  /** The campaign's criteria, in its order, with their names as it asked them. */
  criteria: readonly { code: string; en: string; zhCN: string }[];
  tally: evaluation.SatisfactionTally;
}

/** How the verdict reads mass evaluation (the evaluation module's published results), for many terms at once. */
export type MassEvaluationReader = (em: EntityManager, termIds: readonly string[]) => Promise<Map<string, TermMassEvaluation>>;

/** At most this many terms per request: each costs its share of a few set-based statements. */
export const MAX_VERDICTS = 100;

/**
 * Verdicts on cadres' terms, reached on read from the records they stand on (so a new inspection, audit
 * or published campaign shows at once): mass satisfaction of the latest published campaign that reached
 * k for the term, the latest inspection, the latest special audit, and the settings version in force.
 * A handful of statements whatever the number of terms.
 */
export class VerdictService {
  constructor(private readonly massEvaluation: MassEvaluationReader) {}

  async verdict(context: RequestContext, termId: string): Promise<Verdict | null> {
    const [verdict] = await this.verdicts(context, [termId]);
    return verdict;
  }

  /** The verdict of each term, in the order asked (null: no published mass evaluation for it yet). */
  async verdicts(context: RequestContext, termIds: readonly string[]): Promise<(Verdict | null)[]> {
    if (termIds.length > MAX_VERDICTS) {
      throw new AppError('INVALID_INPUT', `At most ${MAX_VERDICTS} terms at once`, { termIds: `At most ${MAX_VERDICTS}` });
    }
    const { em } = context;
    const unique = [...new Set(termIds)];
    const terms = await em.find(Term, { id: { $in: unique } }, { populate: ['cadre', 'post', 'post.region'] });
    const byId = new Map(terms.map((term) => [term.id, term]));
    for (const id of unique) {
      const term = byId.get(id);
      if (!term) throw notFound('Term');
      authorize(context, 'read', 'Verdict', { region: term.post.region }, 'termIds');
    }
    const records = new AppraisalRecordRepository(em);
    const [settings, mass, inspections, audits] = await Promise.all([
      new VerdictSettingsRepository(em).active(),
      this.massEvaluation(em, unique),
      records.latestOf(Inspection, unique, abilityFilter(context.ability, 'read', 'Inspection') ?? { id: null }),
      records.latestOf(SpecialAudit, unique, abilityFilter(context.ability, 'read', 'SpecialAudit') ?? { id: null }),
    ]);
    const thresholds: evaluation.VerdictSettings = { ...settings.settings, version: settings.version };
    return termIds.map((id) => {
      const term = byId.get(id)!;
      const found = mass.get(id);
      if (!found) return null;
      const inspection = inspections.get(id) ?? null;
      const specialAudit = audits.get(id) ?? null;
      const satisfaction = evaluation.satisfactionOf(found.tally, found.eligible);
      const verdict = evaluation.verdictOf(
        { satisfaction, inspection: inspection?.score ?? null, audit: specialAudit, reportedGrowth: inspection?.reportedGrowth ?? null },
        thresholds,
      );
      if (!verdict) return null;
      return {
        term,
        settingsVersion: verdict.settingsVersion,
        source: {
          campaignId: toGlobalId('Campaign', found.campaignId),
          title: found.title,
          titleZh: found.titleZh,
          period: found.period,
          ballots: found.tally.ballots,
          eligible: found.eligible,
        },
        mass: verdict.mass,
        criteria: satisfaction.criteria.map((criterion) => {
          const asked = found.criteria.find((candidate) => candidate.code === criterion.code);
          return { ...criterion, nameEn: asked?.en ?? criterion.code, nameZh: asked?.zhCN ?? criterion.code };
        }),
        inspection,
        specialAudit,
        audit: verdict.audit,
        weights: verdict.weights,
        score: verdict.score,
        low: verdict.low,
        high: verdict.high,
        grade: verdict.grade,
        uncertain: verdict.uncertain,
        flags: verdict.flags.map(tendencyFlagView),
      };
    });
  }
}
