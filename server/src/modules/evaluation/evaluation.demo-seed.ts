import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import type { DemoSeedContext } from '../../app/module-manifest';
import { DEMO_ACCOUNTS } from '../../seeders/demo-accounts';
import { seededRandom } from '../../seeders/seeded-random';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import { Term } from '../cadres/term.entity';
import { Region } from '../regions/region.entity';
import { newReceiptCode, receiptHashOf } from '../../common/receipt-code';
import { BallotKeys } from './ballot-secrets';
import { BallotRepository, type CastBallot } from './ballot.repository';
import { Campaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';

/**
 * The receipt of the README citizen's first demo ballot (Jiangchuan City, 2025), documented so that
 * anyone can try the receipt check on a counted ballot. Every other demo receipt is random and unknown.
 */
export const DEMO_RECEIPT_CODE = 'QH25DEM0RECE1PT00001';

/** Verified residents per township, who cast the demo's ballots: Nanping County (Jiangchuan City) and Pinghu County (Anlan City). */
const RESIDENTS: Readonly<Record<string, number>> = {
  // The fourth township of Nanping is small: its party secretary stays below k.
  '880103001': 90,
  '880103002': 75,
  '880103003': 65,
  '880103004': 18,
  '880401001': 80,
  '880401002': 72,
  '880401003': 66,
  '880401004': 60,
};

/** Which posts of which regions a campaign evaluates: the region's own posts (by title prefix) and its townships' party secretaries. */
interface DemoCampaign {
  key: string;
  regionCode: string;
  title: string;
  titleZh: string;
  period: string;
  scale: evaluation.AnswerScaleCode;
  status: evaluation.CampaignStatus;
  /** Days from the seed's day (negative: past), or a fixed date of the first round. */
  opensAt: Date;
  closesAt: Date;
  /** Posts of these regions are evaluated (the campaign's region and those below it named here). */
  posts: { regionCode: string; titles: readonly string[] }[];
  /** The share of eligible residents who take part (so far, for an open campaign). */
  turnout: number;
  /** A change of every cadre's standing in this campaign (Pinghu's bad year). */
  drift: number;
}

const day = 86_400_000;
const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);
const COUNTY_POSTS = ['Party Secretary of', 'Head of', 'Executive Deputy Head of'] as const;
const SECRETARY = ['Party Secretary of'] as const;
const townships = (county: string) => [1, 2, 3, 4].map((t) => ({ regionCode: `${county}00${t}`, titles: SECRETARY }));

/**
 * Two rounds: 2025 all published; 2026 one published, one closed awaiting publication, one open (the README
 * citizen's city), one draft. Each round evaluates a quarter of the harmony index's demo (2025-Q4, 2026-Q3):
 * a published campaign feeds its region's CADRE_TRUST of that quarter.
 */
function demoCampaigns(now: number): DemoCampaign[] {
  const fromNow = (days: number) => new Date(now + days * day);
  const jiangchuan = { regionCode: '8801', titles: ['Party Secretary of', 'Mayor of'] };
  const nanpingLeaders = { regionCode: '880103', titles: ['Party Secretary of', 'Head of'] };
  return [
    {
      key: 'jiangchuan-2025',
      regionCode: '8801',
      title: 'Jiangchuan City: mass evaluation of leading cadres, 2025',
      titleZh: '江川市2025年度领导干部群众满意度测评',
      period: '2025-Q4',
      scale: 'PROVINCIAL_FOUR_STEP',
      status: 'PUBLISHED',
      opensAt: at('2025-11-03'),
      closesAt: at('2025-11-24'),
      posts: [jiangchuan, nanpingLeaders],
      turnout: 0.62,
      drift: 0,
    },
    {
      key: 'nanping-2025',
      regionCode: '880103',
      title: 'Nanping County: mass evaluation of cadres, 2025',
      titleZh: '南屏县2025年度干部群众满意度测评',
      period: '2025-Q4',
      scale: 'PROVINCIAL_FOUR_STEP',
      status: 'PUBLISHED',
      opensAt: at('2025-11-10'),
      closesAt: at('2025-12-01'),
      posts: [{ regionCode: '880103', titles: COUNTY_POSTS }, ...townships('880103')],
      turnout: 0.68,
      drift: 0,
    },
    {
      key: 'pinghu-2025',
      regionCode: '880401',
      title: 'Pinghu County: mass evaluation of cadres, 2025',
      titleZh: '平湖县2025年度干部群众满意度测评',
      period: '2025-Q4',
      scale: 'NATIONAL_FIVE_STEP',
      status: 'PUBLISHED',
      opensAt: at('2025-11-17'),
      closesAt: at('2025-12-08'),
      posts: [{ regionCode: '880401', titles: COUNTY_POSTS }, ...townships('880401')],
      turnout: 0.66,
      drift: 0,
    },
    {
      key: 'nanping-2026',
      regionCode: '880103',
      title: 'Nanping County: mid-year evaluation of cadres, 2026',
      titleZh: '南屏县2026年年中干部群众满意度测评',
      period: '2026-Q3',
      scale: 'PROVINCIAL_FOUR_STEP',
      status: 'PUBLISHED',
      opensAt: fromNow(-75),
      closesAt: fromNow(-54),
      posts: [{ regionCode: '880103', titles: COUNTY_POSTS }, ...townships('880103')],
      turnout: 0.71,
      drift: 0.04,
    },
    {
      key: 'pinghu-2026',
      regionCode: '880401',
      title: 'Pinghu County: mid-year evaluation of cadres, 2026',
      titleZh: '平湖县2026年年中干部群众满意度测评',
      period: '2026-Q3',
      scale: 'NATIONAL_FIVE_STEP',
      status: 'CLOSED',
      opensAt: fromNow(-40),
      closesAt: fromNow(-19),
      posts: [{ regionCode: '880401', titles: COUNTY_POSTS }, ...townships('880401')],
      turnout: 0.58,
      drift: -0.1,
    },
    {
      key: 'jiangchuan-2026',
      regionCode: '8801',
      title: 'Jiangchuan City: mass evaluation of leading cadres, 2026',
      titleZh: '江川市2026年度领导干部群众满意度测评',
      period: '2026-Q3',
      scale: 'PROVINCIAL_FOUR_STEP',
      status: 'OPEN',
      opensAt: fromNow(-9),
      closesAt: fromNow(12),
      posts: [jiangchuan, nanpingLeaders],
      turnout: 0.34,
      drift: 0.02,
    },
    {
      key: 'dongshan-2026',
      regionCode: '880101',
      title: 'Dongshan County: mass evaluation of cadres, 2026',
      titleZh: '东山县2026年度干部群众满意度测评',
      period: '2026-Q3',
      scale: 'PROVINCIAL_FOUR_STEP',
      status: 'DRAFT',
      opensAt: fromNow(3),
      closesAt: fromNow(31),
      posts: [
        { regionCode: '880101', titles: COUNTY_POSTS },
        { regionCode: '880101001', titles: SECRETARY },
      ],
      turnout: 0,
      drift: 0,
    },
  ];
}

/** Cadres whose standing the demo sets rather than draws: the stories the verdicts tell (appraisal.demo-seed.ts). */
const STANDING: Readonly<Record<string, { quality: number; workStyle?: number }>> = {
  // Pinghu's leaders: low livelihood satisfaction (the GDP-oriented and official-oriented stories).
  'Party Secretary of Pinghu County': { quality: 0.5 },
  'Head of Pinghu County': { quality: 0.56 },
  // Well liked for results, not for conduct: work style far below the other criteria (individual-oriented).
  'Head of Nanping County': { quality: 0.8, workStyle: -0.35 },
};

/** What residents write, now and then (shown to the organization after close, in random order). */
const COMMENTS = {
  good: [
    '村里的路修好了，孩子上学方便多了。',
    '医保报销比以前快，办事不用跑好几趟。',
    '干部经常下村，群众的事有人管。',
    'The new bus line to the county town makes a real difference.',
    '养老院建起来了，老人有地方去。',
  ],
  bad: [
    '就业岗位太少，年轻人都出去打工了。',
    '广场修得漂亮，可村里的自来水还是时有时无。',
    '反映的问题一直没有回音。',
    'Housing prices went up and wages did not.',
    '开会多，下来听意见少。',
  ],
};

/** A cadre's standing from their name, when the demo does not set it: the same on every machine. */
function drawnQuality(name: string): number {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619);
  return 0.58 + seededRandom(hash)() * 0.3;
}

/** A voter of the demo: their id and the path of the township they live in. */
interface Resident {
  id: string;
  townshipPath: string;
}

interface CampaignTermPlan {
  term: Term;
  /** Residents of this region's subtree rate the cadre (those of a township, its township's cadre). */
  raterPath: string;
  quality: number;
  workStyle: number;
}

/**
 * The demo's mass evaluation: verified residents in Nanping and Pinghu counties, and two rounds of
 * campaigns (2025 and 2026) on the demo's terms, with deterministic ballots (a seeded generator: each
 * cadre a standing, each resident a leniency, some "don't know" and a few comments). Ballots are written
 * as `castBallot` writes them — participation under the nullifier of the server's ballot secret, the
 * sealed ballot, the citizen's participation in the campaign — in set-based statements; campaigns are
 * closed by the owner functions (shuffle, tally) and published as their transitions do.
 */
export async function seedDemoEvaluation(seedEm: EntityManager, { ballotSecret, services, contextOf }: DemoSeedContext): Promise<void> {
  // The seed's transaction, with an identity map of its own: a flush here does not walk the earlier steps' entities.
  const em = seedEm.fork({ keepTransactionContext: true });
  const random = seededRandom(20261130);
  const keys = new BallotKeys(ballotSecret);
  const now = Date.now();
  const regions = new Map((await em.find(Region, {})).map((region) => [region.code, region]));
  const residents = await addResidents(em, regions);
  const citizen = await em.findOneOrFail(
    User,
    { email: DEMO_ACCOUNTS.find((account) => account.role === 'CITIZEN')!.email },
    {
      populate: ['region'],
    },
  );
  const specs = demoCampaigns(now);
  const postRegions = [...new Set(specs.flatMap((spec) => spec.posts.map((post) => post.regionCode)))];
  const terms = await em.find(Term, { post: { region: { code: { $in: postRegions } } } }, { populate: ['cadre', 'post', 'post.region'] });
  const campaigns = new CampaignRepository(em);
  const ballots = new BallotRepository(em);
  const published: string[] = [];

  for (const spec of specs) {
    const region = regions.get(spec.regionCode)!;
    const organization = await em.findOneOrFail(Organization, { region });
    const heldOn = spec.status === 'DRAFT' || spec.status === 'OPEN' ? new Date(now) : spec.opensAt;
    const plans = spec.posts.flatMap(({ regionCode, titles }) =>
      titles.flatMap((title) => {
        const term = terms.find(
          (candidate) =>
            candidate.post.region.code === regionCode && candidate.post.title.startsWith(`${title} `) && isHeld(candidate, heldOn),
        );
        if (!term) return [];
        const standing = STANDING[term.post.title] ?? { quality: drawnQuality(term.cadre.name) };
        return [
          {
            term,
            raterPath: term.post.region.path,
            quality: standing.quality + spec.drift,
            workStyle: standing.workStyle ?? 0,
          } satisfies CampaignTermPlan,
        ];
      }),
    );
    const criteria = evaluation.DEFAULT_CRITERIA.map(({ code, names }) => ({ code, en: names.en, zhCN: names.zhCN }));
    const draft = {
      title: spec.title,
      titleZh: spec.titleZh,
      period: spec.period,
      scale: spec.scale,
      criteria,
      publicationThreshold: evaluation.DEFAULT_PUBLICATION_THRESHOLD,
      opensAt: spec.opensAt,
      closesAt: spec.closesAt,
      termIds: plans.map((plan) => plan.term.id),
    };
    const problems = evaluation.campaignProblems(draft);
    if (Object.keys(problems).length > 0) throw new Error(`demo campaign ${spec.key}: ${JSON.stringify(problems)}`);
    const opened = spec.status !== 'DRAFT';
    const campaign = em.create(Campaign, {
      organization,
      region,
      title: draft.title,
      titleZh: draft.titleZh,
      period: draft.period,
      scale: draft.scale,
      criteria,
      publicationThreshold: draft.publicationThreshold,
      opensAt: draft.opensAt,
      closesAt: draft.closesAt,
      status: opened ? 'OPEN' : 'DRAFT',
      openedAt: opened ? spec.opensAt : null,
      createdAt: new Date(spec.opensAt.getTime() - 12 * day),
    });
    await em.flush();
    await campaigns.replaceTerms(campaign.id, draft.termIds);
    if (!opened) continue;

    // Who takes part: a share of the eligible residents; the README's citizen in their city's first round only
    // (so that they can still vote in the open one).
    const voters = residents.filter((resident) => isUnder(resident.townshipPath, region.path) && random() < spec.turnout);
    if (spec.key === 'jiangchuan-2025') voters.unshift({ id: citizen.id, townshipPath: citizen.region.path });
    const cast: CastBallot[] = [];
    const participants = new Set<string>();
    for (const voter of voters) {
      const leniency = (random() - 0.5) * 0.4;
      for (const plan of plans) {
        if (!isUnder(voter.townshipPath, plan.raterPath) || random() < 0.08) continue;
        const { answers, mean } = answersOf(random, evaluation.ANSWER_SCALES[spec.scale], criteria, plan, leniency);
        const comment = random() < 0.035 ? pickComment(random, mean) : null;
        if (Object.keys(evaluation.ballotProblems(criteria, spec.scale, answers, comment)).length > 0) {
          throw new Error(`demo ballot of ${spec.key} refused by the ballot rules`);
        }
        const receipt = voter.id === citizen.id && cast.length === 0 ? DEMO_RECEIPT_CODE : newReceiptCode();
        cast.push({
          termId: plan.term.id,
          answers: evaluation.ballotSteps(criteria, spec.scale, answers),
          comment,
          receiptHash: receiptHashOf(receipt),
          nullifier: keys.nullifier(campaign.id, plan.term.id, voter.id),
        });
        participants.add(voter.id);
      }
    }
    // Ballots in an order of their own, unrelated to who cast them.
    await ballots.addBallots(campaign.id, shuffled(random, cast), [...participants]);
    if (spec.status === 'OPEN') continue;

    // The close, as the campaign service closes: a guarded move from OPEN, the eligible counted, shuffle and tally.
    const eligible = (await campaigns.eligibleIn([region.path])).get(region.path) ?? 0;
    const closedAt = spec.closesAt;
    if (!(await campaigns.transition(campaign.id, 'OPEN', { status: 'CLOSED', closedAt, eligibleAtClose: eligible }))) {
      throw new Error(`demo campaign ${spec.key} could not close`);
    }
    await ballots.shuffleAndTally(
      campaign.id,
      evaluation.ANSWER_SCALES[spec.scale].steps.map((step) => step.score),
    );
    if (spec.status === 'PUBLISHED') {
      await campaigns.transition(campaign.id, 'CLOSED', { status: 'PUBLISHED', publishedAt: new Date(closedAt.getTime() + 8 * day) });
      published.push(campaign.id);
    }
  }
  // What a publication derives, by the module's own feed (the `campaign.publish` listener's): CADRE_TRUST of
  // each published campaign's region and quarter, written through harmony's observation write (audited, the
  // survey value it supersedes kept as a revision, the assessments recomputed). The review alerts a
  // publication raises wait for the inspections and grants: the reviews module's step raises them.
  await services.evaluation.cadreTrust.feed(em, contextOf(em), published);
}

/** Held on that day: begun, not past its planned end, not ended early. */
function isHeld(term: Term, on: Date): boolean {
  const dayOf = on.toISOString().slice(0, 10);
  return term.startsOn <= dayOf && dayOf < term.endsOn && (term.endedOn === null || term.endedOn === undefined || dayOf < term.endedOn);
}

const isUnder = (path: string, ancestor: string) => path.startsWith(ancestor);

/** The residents who vote in the demo: verified citizens who cannot sign in (no password opens their account), one statement. */
async function addResidents(em: EntityManager, regions: Map<string, Region>): Promise<Resident[]> {
  const rows = Object.entries(RESIDENTS).flatMap(([code, count]) => {
    const region = regions.get(code)!;
    return Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return {
        id: randomUUID(),
        email: `resident-${code}-${n}@residents.massline.demo`,
        displayName: `${region.name}居民${n} Resident ${n} of ${region.nameEn}`,
        role: 'CITIZEN' as const,
        // Not a password hash: no password verifies against it.
        passwordHash: '!',
        region: region.id,
        citizenStatus: 'VERIFIED' as const,
        active: true,
        createdAt: new Date(),
        townshipPath: region.path,
      };
    });
  });
  await em.insertMany(
    User,
    rows.map(({ townshipPath: _path, ...user }) => user),
  );
  return rows.map(({ id, townshipPath }) => ({ id, townshipPath }));
}

/**
 * A resident's answers to a cadre: "don't know" now and then (more often for the less visible criteria),
 * otherwise the step of the scale nearest to a score drawn around the cadre's standing, the resident's
 * leniency and the criterion; with their mean score (null: nothing but "don't know").
 */
function answersOf(
  random: () => number,
  scale: evaluation.AnswerScale,
  criteria: readonly { code: string }[],
  plan: CampaignTermPlan,
  leniency: number,
): { answers: evaluation.BallotAnswer[]; mean: number | null } {
  const scored = scale.steps.filter((step): step is evaluation.ScaleStep & { score: number } => step.score !== null);
  const dontKnow = scale.steps.find((step) => step.score === null)!;
  let sum = 0;
  let count = 0;
  const answers = criteria.map(({ code }) => {
    const unsure = code === 'SOCIAL_SECURITY' || code === 'ENVIRONMENT' ? 0.09 : 0.04;
    if (random() < unsure) return { criterion: code, step: dontKnow.code };
    const shift = code === evaluation.WORK_STYLE_CRITERION ? plan.workStyle : 0;
    const target = 100 * (plan.quality + leniency + shift + (random() - 0.5) * 0.6);
    const step = scored.reduce((best, candidate) =>
      Math.abs(candidate.score - target) < Math.abs(best.score - target) ? candidate : best,
    );
    sum += step.score;
    count++;
    return { criterion: code, step: step.code };
  });
  return { answers, mean: count > 0 ? sum / count : null };
}

function pickComment(random: () => number, mean: number | null): string {
  const list = mean !== null && mean >= 75 ? COMMENTS.good : COMMENTS.bad;
  return list[Math.floor(random() * list.length)];
}

/** Fisher–Yates with the seeded generator. */
function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
