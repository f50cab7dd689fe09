import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation, isWithin, problemOf, type Problem } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { readById } from '../../common/loaders';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Organization } from '../accounts/organization.entity';
import type { Term } from '../cadres/term.entity';
import type { TermForCampaign } from '../cadres/term.repository';
import { Region } from '../regions/region.entity';
import type { BallotKeys } from './ballot-secrets';
import { BallotRepository } from './ballot.repository';
import { Campaign } from './campaign.entity';
import { CampaignRepository, type TermTally } from './campaign.repository';
import type { CampaignListArgs, CreateCampaignInput, UpdateCampaignInput } from './dto/evaluation.inputs';
import { tendencyFlagView, type CampaignTermResultView, type CampaignTurnoutView } from './dto/evaluation.outputs';
import type { CampaignSnapshot, EvaluationEvents } from './evaluation.events';

/** What evaluation needs of the cadres module: the terms a campaign names, with their post's region and whether they are held today. */
export interface CampaignTerms {
  readForCampaign(em: EntityManager, termIds: readonly string[]): Promise<TermForCampaign[]>;
}

/** What evaluation needs of the notification centre: one set-based insert for the verified residents of a region. */
export interface ResidentNotifier {
  notifyVerifiedResidents(
    em: EntityManager,
    notice: {
      regionPath: string;
      kind: 'CAMPAIGN_OPENED' | 'CAMPAIGN_CLOSING';
      /** What the console words the notification with (the campaign is its subject). */
      params: { title: string; titleZh: string; closesAt: string };
      subjectId: string;
      exceptUserIds?: readonly string[];
    },
  ): Promise<number>;
}

/** One request's batched reads of campaigns (turnout, results, terms): one statement per level of the response. */
interface CampaignLoaders {
  terms: DataLoader<string, string[]>;
  ballots: DataLoader<string, { termId: string; ballots: number }[]>;
  participants: DataLoader<string, number>;
  eligible: DataLoader<string, number>;
  tallies: DataLoader<string, TermTally[]>;
  comments: DataLoader<string, { termId: string; comment: string }[]>;
}
const requestLoaders = new WeakMap<EntityManager, CampaignLoaders>();

function loadersOf(em: EntityManager): CampaignLoaders {
  const known = requestLoaders.get(em);
  if (known) return known;
  const campaigns = new CampaignRepository(em);
  const ballots = new BallotRepository(em);
  const loaders: CampaignLoaders = {
    terms: new DataLoader(async (ids) => {
      const byCampaign = await campaigns.termIdsOf(ids);
      return ids.map((id) => byCampaign.get(id) ?? []);
    }),
    ballots: new DataLoader(async (ids) => {
      const rows = await ballots.ballotCounts(ids);
      return ids.map((id) => rows.filter((row) => row.campaignId === id));
    }),
    participants: new DataLoader(async (ids) => {
      const counts = await ballots.participantCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    eligible: new DataLoader(async (paths) => {
      const counts = await campaigns.eligibleIn(paths);
      return paths.map((path) => counts.get(path) ?? 0);
    }),
    tallies: new DataLoader(async (ids) => {
      const tallies = await campaigns.talliesOf(ids);
      return ids.map((id) => tallies.get(id) ?? []);
    }),
    comments: new DataLoader(async (ids) => {
      const rows = await ballots.comments(ids);
      return ids.map((id) => rows.filter((row) => row.campaignId === id));
    }),
  };
  requestLoaders.set(em, loaders);
  return loaders;
}

const invalidCampaign = (problems: Record<string, Problem>) =>
  new AppError('INVALID_CAMPAIGN', 'Some fields of the campaign need correcting', problems);

/** The staff (organization or auditor) whose jurisdiction holds the campaign: they read its aggregates once it has closed. */
function isJurisdictionStaff(context: RequestContext, campaign: Campaign): boolean {
  const { principal } = context;
  return (
    principal.kind === 'USER' &&
    (principal.role === 'ORGANIZATION' || principal.role === 'AUDITOR') &&
    isWithin(campaign.region.path, principal.regionPath)
  );
}

/**
 * Campaigns: organizations of the jurisdiction draft them (criteria, scale, cadres, k, schedule), open,
 * close and publish them through shared's transition table, each a guarded write. Opening tells the
 * region's verified residents; closing shuffles and tallies the ballots in the same transaction; the
 * sweep closes what is due and sends the "closing tomorrow" reminder once.
 */
export class CampaignService {
  constructor(
    private readonly events: EventPublisher<EvaluationEvents>,
    private readonly terms: CampaignTerms,
    private readonly notifier: ResidentNotifier,
    private readonly keys: BallotKeys,
  ) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: CampaignListArgs): Promise<Connection<Campaign>> {
    const campaigns = new CampaignRepository(context.em);
    const { principal } = context;
    const citizenId = principal.kind === 'USER' && principal.role === 'CITIZEN' ? principal.id : null;
    const requested = await campaigns.requestedFilter(filter, citizenId);
    return campaigns.page(requested && scoped(context.ability, 'read', 'Campaign', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Campaign> {
    return readById(context, Campaign, 'Campaign', id, ['region']);
  }

  /** A citizen's open campaigns: those of their region and the regions above it. */
  mine(context: RequestContext): Promise<Campaign[]> {
    const { principal } = context;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') return Promise.resolve([]);
    return new CampaignRepository(context.em).openIn(evaluation.selfAndAncestorPaths(principal.regionPath));
  }

  async create(context: RequestContext, input: CreateCampaignInput): Promise<Campaign> {
    const region = await context.em.findOne(Region, { id: input.regionId });
    if (!region) throw invalidCampaign({ regionId: problemOf('NO_SUCH_REGION') });
    authorize(context, 'create', 'Campaign', { region }, 'regionId');
    const { principal } = context;
    const organizationId = principal.kind === 'USER' ? principal.organizationId : null;
    if (!organizationId) throw new AppError('FORBIDDEN', 'Only organization staff create campaigns');
    const draft = {
      title: input.title.trim(),
      titleZh: input.titleZh.trim(),
      period: input.period.trim(),
      scale: input.scale ?? evaluation.DEFAULT_ANSWER_SCALE,
      criteria: input.criteria ?? evaluation.DEFAULT_CRITERIA.map(({ code, names }) => ({ code, en: names.en, zhCN: names.zhCN })),
      publicationThreshold: input.publicationThreshold ?? evaluation.DEFAULT_PUBLICATION_THRESHOLD,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      termIds: input.termIds,
    };
    const problems = evaluation.campaignProblems(draft);
    if (Object.keys(problems).length > 0) throw invalidCampaign(problems);
    return inTransaction(this.events, context, async (em) => {
      await this.checkTerms(em, region.path, draft.termIds);
      const campaign = em.create(Campaign, {
        organization: em.getReference(Organization, organizationId),
        region,
        title: draft.title,
        titleZh: draft.titleZh,
        period: draft.period,
        scale: draft.scale,
        criteria: draft.criteria.map(({ code, en, zhCN }) => ({ code, en: en.trim(), zhCN: zhCN.trim() })),
        publicationThreshold: draft.publicationThreshold,
        opensAt: draft.opensAt,
        closesAt: draft.closesAt,
      });
      await em.flush();
      await new CampaignRepository(em).replaceTerms(campaign.id, draft.termIds);
      return {
        result: campaign,
        events: [{ action: 'campaign.create', ...this.subjectOf(campaign), before: null, after: snapshotOf(campaign, draft.termIds) }],
      };
    });
  }

  /** Changes a draft: refused with CAMPAIGN_FROZEN once it has opened (a guarded write on its status). */
  async update(context: RequestContext, id: string, input: UpdateCampaignInput): Promise<Campaign> {
    const campaign = await this.get(context, id);
    authorize(context, 'update', 'Campaign', campaign);
    if (!evaluation.isCampaignEditable(campaign.status)) throw frozen();
    const termIds = input.termIds ?? (await new CampaignRepository(context.em).termIdsOf([campaign.id])).get(campaign.id) ?? [];
    const before = snapshotOf(campaign, (await new CampaignRepository(context.em).termIdsOf([campaign.id])).get(campaign.id) ?? []);
    const draft = {
      title: input.title?.trim() ?? campaign.title,
      titleZh: input.titleZh?.trim() ?? campaign.titleZh,
      period: input.period?.trim() ?? campaign.period,
      scale: input.scale ?? campaign.scale,
      criteria: input.criteria ?? campaign.criteria,
      publicationThreshold: input.publicationThreshold ?? campaign.publicationThreshold,
      opensAt: input.opensAt ?? campaign.opensAt,
      closesAt: input.closesAt ?? campaign.closesAt,
      termIds,
    };
    const problems = evaluation.campaignProblems(draft);
    if (Object.keys(problems).length > 0) throw invalidCampaign(problems);
    return inTransaction(this.events, context, async (em) => {
      const campaigns = new CampaignRepository(em);
      if (input.termIds) await this.checkTerms(em, campaign.region.path, termIds);
      const { termIds: _terms, ...changes } = draft;
      const criteria = changes.criteria.map(({ code, en, zhCN }) => ({ code, en: en.trim(), zhCN: zhCN.trim() }));
      if (!(await campaigns.transition(campaign.id, 'DRAFT', { ...changes, criteria }))) throw frozen();
      if (input.termIds) await campaigns.replaceTerms(campaign.id, termIds);
      const after = (await campaigns.findWithRegion(campaign.id))!;
      return {
        result: after,
        events: [{ action: 'campaign.update', ...this.subjectOf(after), before, after: snapshotOf(after, termIds) }],
      };
    });
  }

  /** Opens a draft: its terms must still be current in its region and its closing time ahead; the region's verified residents are told. */
  async open(context: RequestContext, id: string): Promise<Campaign> {
    const campaign = await this.startTransition(context, id, 'OPEN');
    if (campaign.closesAt.getTime() <= Date.now()) throw invalidCampaign({ closesAt: problemOf('MUST_BE_FUTURE') });
    return inTransaction(this.events, context, async (em) => {
      const campaigns = new CampaignRepository(em);
      const termIds = (await campaigns.termIdsOf([campaign.id])).get(campaign.id) ?? [];
      await this.checkTerms(em, campaign.region.path, termIds);
      if (!(await campaigns.transition(campaign.id, 'DRAFT', { status: 'OPEN', openedAt: new Date() }))) throw transitionInvalid('OPEN');
      const notified = await this.notifier.notifyVerifiedResidents(em, {
        regionPath: campaign.region.path,
        kind: 'CAMPAIGN_OPENED',
        params: noticeParams(campaign),
        subjectId: campaign.id,
      });
      const after = (await campaigns.findWithRegion(campaign.id))!;
      return {
        result: after,
        events: [{ action: 'campaign.open', ...this.subjectOf(after), before: { status: 'DRAFT' }, after: { status: 'OPEN', notified } }],
      };
    });
  }

  async close(context: RequestContext, id: string): Promise<Campaign> {
    const campaign = await this.startTransition(context, id, 'CLOSE');
    return this.closeNow(context, campaign);
  }

  async publish(context: RequestContext, id: string): Promise<Campaign> {
    const campaign = await this.startTransition(context, id, 'PUBLISH');
    return inTransaction(this.events, context, async (em) => {
      const campaigns = new CampaignRepository(em);
      if (!(await campaigns.transition(campaign.id, 'CLOSED', { status: 'PUBLISHED', publishedAt: new Date() })))
        throw transitionInvalid('PUBLISH');
      const after = (await campaigns.findWithRegion(campaign.id))!;
      return {
        result: after,
        events: [{ action: 'campaign.publish', ...this.subjectOf(after), before: { status: 'CLOSED' }, after: { status: 'PUBLISHED' } }],
      };
    });
  }

  /**
   * What the server runs every minute (and tests call): closes each open campaign whose closing time has
   * passed (shuffle and tally in its close transaction), then sends the "closing tomorrow" reminder once
   * to the residents of each campaign closing within a day who have not evaluated every cadre.
   */
  async sweep(context: RequestContext, now: Date = new Date()): Promise<{ closed: string[]; reminded: string[] }> {
    const closed: string[] = [];
    for (const id of await new CampaignRepository(context.em).dueToClose(now)) {
      const campaign = await new CampaignRepository(context.em.fork()).findWithRegion(id);
      if (!campaign) continue;
      try {
        await this.closeNow(context, campaign);
        closed.push(id);
      } catch (error) {
        // Closed by hand meanwhile: the guarded write lost, nothing to do.
        if (!(error instanceof AppError && error.reason === 'CAMPAIGN_TRANSITION_INVALID')) throw error;
      }
    }
    const reminded = await inTransaction(this.events, context, async (em) => {
      const due = await new CampaignRepository(em).markReminders(now);
      const events = [];
      for (const campaign of due) {
        const exceptUserIds = await this.votedForEveryTerm(em, campaign.id);
        const notified = await this.notifier.notifyVerifiedResidents(em, {
          regionPath: campaign.regionPath,
          kind: 'CAMPAIGN_CLOSING',
          params: { title: campaign.title, titleZh: campaign.titleZh, closesAt: new Date(campaign.closesAt).toISOString() },
          subjectId: campaign.id,
          exceptUserIds,
        });
        events.push({
          action: 'campaign.remind' as const,
          subjectType: 'Campaign',
          subjectId: campaign.id,
          regionPath: campaign.regionPath,
          before: null,
          after: { notified },
        });
      }
      return { result: due.map((campaign) => campaign.id), events };
    });
    return { closed, reminded };
  }

  /** The transitions the caller may take the campaign through now (the console's buttons). */
  actions(context: RequestContext, campaign: Campaign): evaluation.CampaignAction[] {
    if (!context.ability.can('update', asCampaign(campaign))) return [];
    return evaluation.campaignActionsFrom(campaign.status);
  }

  /** The terms each campaign evaluates (for other modules' reactions to a campaign's events, in their transaction). */
  async termIdsOf(em: EntityManager, campaignIds: readonly string[]): Promise<string[]> {
    return [...(await new CampaignRepository(em).termIdsOf(campaignIds)).values()].flat();
  }

  /** Every term a published campaign evaluated (for other modules' reactions to a change of every verdict, in their transaction). */
  publishedTermIds(em: EntityManager): Promise<string[]> {
    return new CampaignRepository(em).publishedTermIds();
  }

  /** The campaign's terms, in ballot order. */
  async termsOf(context: RequestContext, campaign: Campaign): Promise<Term[]> {
    const ids = await loadersOf(context.em).terms.load(campaign.id);
    const terms = await context.loaders.terms.loadMany(ids);
    return terms.filter((term): term is Term => term !== null && !(term instanceof Error));
  }

  /** Counts only — ballots per cadre, participants, eligible residents — whatever the status. */
  async turnout(context: RequestContext, campaign: Campaign): Promise<CampaignTurnoutView> {
    const loaders = loadersOf(context.em);
    const [terms, counts, participants, eligible] = await Promise.all([
      this.termsOf(context, campaign),
      loaders.ballots.load(campaign.id),
      loaders.participants.load(campaign.id),
      campaign.eligibleAtClose ?? loaders.eligible.load(campaign.region.path),
    ]);
    const perTerm = new Map(counts.map((row) => [row.termId, row.ballots]));
    return {
      ballots: counts.reduce((sum, row) => sum + row.ballots, 0),
      participants,
      eligible,
      terms: terms.map((term) => ({ term, ballots: perTerm.get(term.id) ?? 0 })),
    };
  }

  /**
   * The results per cadre: null until published for everybody but the staff of the jurisdiction (after
   * close for them). Below k ballots, only the count; comments for the staff only, from k ballots.
   */
  async results(context: RequestContext, campaign: Campaign): Promise<CampaignTermResultView[] | null> {
    const staff = isJurisdictionStaff(context, campaign);
    if (!(campaign.status === 'PUBLISHED' || (campaign.status === 'CLOSED' && staff))) return null;
    const loaders = loadersOf(context.em);
    const [terms, tallies, comments] = await Promise.all([
      this.termsOf(context, campaign),
      loaders.tallies.load(campaign.id),
      staff ? loaders.comments.load(campaign.id) : [],
    ]);
    const byTerm = new Map(tallies.map((tally) => [tally.termId, tally]));
    const codes = campaign.criteria.map((criterion) => criterion.code);
    return terms.map((term) => {
      const tally = byTerm.get(term.id);
      const count = tally?.ballots ?? 0;
      if (!tally || count < campaign.publicationThreshold) {
        return {
          term,
          ballots: count,
          published: false,
          overall: null,
          criteria: [],
          grade: null,
          uncertain: null,
          flags: [],
          comments: null,
        };
      }
      const perCode = new Map(tally.criteria.map((criterion) => [criterion.code, criterion]));
      const satisfaction = evaluation.satisfactionOf(
        {
          ballots: count,
          ballotMeans: tally.ballotMeans,
          criteria: codes.map((code) => perCode.get(code) ?? { code, n: 0, sum: 0, sumOfSquares: 0, dontKnow: 0 }),
        },
        campaign.eligibleAtClose,
      );
      const verdict = evaluation.verdictOf({ satisfaction, inspection: null, audit: null, reportedGrowth: null });
      return {
        term,
        ballots: count,
        published: true,
        overall: satisfaction.overall,
        criteria: satisfaction.criteria,
        grade: verdict?.grade ?? null,
        uncertain: verdict?.uncertain ?? null,
        flags: (verdict?.flags ?? []).map(tendencyFlagView),
        comments: staff ? comments.filter((row) => row.termId === term.id).map((row) => row.comment) : null,
      };
    });
  }

  /** The campaign as it is, checked: the caller may change it, and the transition table allows `action` from its status. */
  private async startTransition(context: RequestContext, id: string, action: evaluation.CampaignAction): Promise<Campaign> {
    const campaign = await this.get(context, id);
    authorize(context, 'update', 'Campaign', campaign);
    if (evaluation.nextCampaignStatus(campaign.status, action) === null) throw transitionInvalid(action, campaign.status);
    return campaign;
  }

  /** The close: a guarded write from OPEN, the eligible residents counted, the ballots shuffled and tallied — one transaction. */
  private closeNow(context: RequestContext, campaign: Campaign): Promise<Campaign> {
    return inTransaction(this.events, context, async (em) => {
      const campaigns = new CampaignRepository(em);
      const eligible = (await campaigns.eligibleIn([campaign.region.path])).get(campaign.region.path) ?? 0;
      if (!(await campaigns.transition(campaign.id, 'OPEN', { status: 'CLOSED', closedAt: new Date(), eligibleAtClose: eligible })))
        throw transitionInvalid('CLOSE');
      const scores = evaluation.ANSWER_SCALES[campaign.scale].steps.map((step) => step.score);
      const ballots = await new BallotRepository(em).shuffleAndTally(campaign.id, scores);
      const after = (await campaigns.findWithRegion(campaign.id))!;
      return {
        result: after,
        events: [
          {
            action: 'campaign.close',
            ...this.subjectOf(after),
            before: { status: 'OPEN' },
            after: { status: 'CLOSED', ballots, eligible },
          },
        ],
      };
    });
  }

  /** Each term must be a current term of a post in the campaign's region (or under it). */
  private async checkTerms(em: EntityManager, regionPath: string, termIds: readonly string[]): Promise<void> {
    const found = new Map((await this.terms.readForCampaign(em, termIds)).map((term) => [term.id, term]));
    const problems: Record<string, Problem> = {};
    termIds.forEach((id, index) => {
      const term = found.get(id);
      if (!term || !term.current || !isWithin(term.regionPath, regionPath)) problems[`termIds.${index}`] = problemOf('TERM_NOT_IN_REGION');
    });
    if (Object.keys(problems).length > 0) {
      throw new AppError('TERM_NOT_IN_REGION', "Some terms are not current terms of posts in the campaign's region", problems);
    }
  }

  /** The citizens who have evaluated every cadre of the campaign (the reminder skips them). */
  private async votedForEveryTerm(em: EntityManager, campaignId: string): Promise<string[]> {
    const ballots = new BallotRepository(em);
    const termIds = (await new CampaignRepository(em).termIdsOf([campaignId])).get(campaignId) ?? [];
    const participants = await ballots.participants(campaignId);
    return this.keys.votedAll(ballots, campaignId, termIds, participants);
  }

  private subjectOf(campaign: Campaign) {
    return { subjectType: 'Campaign', subjectId: campaign.id, regionPath: campaign.region.path };
  }
}

/** The campaign as the ability sees it, tagged with its subject. */
function asCampaign(campaign: Campaign) {
  return subject('Campaign', { ...campaign });
}

const frozen = () => new AppError('CAMPAIGN_FROZEN', 'This campaign has opened: what it asks and of whom can no longer change');

function transitionInvalid(action: evaluation.CampaignAction, status?: evaluation.CampaignStatus): AppError {
  const from = status ? `is ${status.toLowerCase()}` : 'was changed meanwhile by someone else: reload it';
  return new AppError('CAMPAIGN_TRANSITION_INVALID', `This campaign ${from}: ${action.toLowerCase()} is not possible`);
}

function noticeParams(campaign: Campaign) {
  return { title: campaign.title, titleZh: campaign.titleZh, closesAt: campaign.closesAt.toISOString() };
}

function snapshotOf(campaign: Campaign, termIds: readonly string[]): CampaignSnapshot {
  return {
    title: campaign.title,
    titleZh: campaign.titleZh,
    region: campaign.region.id,
    period: campaign.period,
    scale: campaign.scale,
    criteria: campaign.criteria.map((criterion) => criterion.code),
    publicationThreshold: campaign.publicationThreshold,
    opensAt: campaign.opensAt.toISOString(),
    closesAt: campaign.closesAt.toISOString(),
    terms: [...termIds],
  };
}
