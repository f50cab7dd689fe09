import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation, isWithin, problemOf } from '@massline/shared';
import { AppError } from '../../common/app-error';
import { inTransaction, type DomainEvent, type EventPublisher } from '../../common/domain-events';
import type { RequestContext } from '../../common/request-context';
import type { Term } from '../cadres/term.entity';
import { newReceiptCode, receiptHashOf } from '../../common/receipt-code';
import type { BallotKeys } from './ballot-secrets';
import { BallotRepository } from './ballot.repository';
import { Campaign } from './campaign.entity';
import { CampaignRepository, type CampaignForBallot } from './campaign.repository';
import type { CampaignService } from './campaign.service';
import type { CastBallotInput } from './dto/evaluation.inputs';
import type { BallotReceiptCheckView, CampaignTermVoteView } from './dto/evaluation.outputs';
import type { EvaluationEvents } from './evaluation.events';

const alreadyVoted = () => new AppError('ALREADY_VOTED', 'You have already evaluated this cadre in this campaign');
const notOpen = () => new AppError('CAMPAIGN_NOT_OPEN', 'This campaign is not taking ballots');

/** How many open campaigns' ballot facts are kept between ballots (least recently used out). */
const OPEN_CAMPAIGNS_KEPT = 1_000;

/** Which of these campaigns the signed-in citizen took part in: one statement per level of the response. */
const participationLoaders = new WeakMap<EntityManager, DataLoader<string, boolean>>();
/** Which cadres of each campaign the signed-in citizen has evaluated: one statement per level of the response. */
const voteLoaders = new WeakMap<EntityManager, DataLoader<{ campaignId: string; termIds: string[] }, Set<string>>>();

/**
 * Ballots: cast once per citizen, cadre and campaign, anonymously. The participation record (keyed by
 * the nullifier) and the ballot (no user, no time, no sequence) are written in one transaction, so one
 * exists iff the other does; a second ballot collides with the first participation: ALREADY_VOTED. The
 * citizen gets a receipt code, shown once; its hash is all that is stored.
 */
export class BallotService {
  /**
   * What ballots are checked against (region, scale, criteria, terms), of campaigns seen open: all of it is
   * frozen when a campaign opens (changes are guarded writes on DRAFT, and regions never move), so a ballot
   * need not read it again. Whether the campaign still takes ballots is never taken from here: the ballot's
   * own statement reads it under a share lock, and a campaign found no longer open is let go.
   */
  private readonly openCampaigns = new Map<string, CampaignForBallot>();

  constructor(
    private readonly events: EventPublisher<EvaluationEvents>,
    private readonly campaigns: CampaignService,
    private readonly keys: BallotKeys,
  ) {}

  async cast(context: RequestContext, input: CastBallotInput): Promise<{ code: string }> {
    const { principal } = context;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') throw new AppError('NOT_ELIGIBLE', 'Only citizens evaluate cadres');
    if (principal.citizenStatus !== 'VERIFIED') {
      throw new AppError('NOT_VERIFIED', 'Your residence is not verified yet: you can evaluate cadres once it is');
    }
    const campaign = await this.campaignForBallot(context, input.campaignId);
    if (!campaign || campaign.status === 'DRAFT') throw new AppError('NOT_FOUND', 'Campaign not found');
    if (!isWithin(principal.regionPath, campaign.regionPath)) {
      throw new AppError('WRONG_REGION', 'This campaign is for the residents of another region');
    }
    if (!evaluation.acceptsBallots(campaign.status)) throw notOpen();
    if (!campaign.termIds.includes(input.termId)) {
      throw new AppError('INVALID_BALLOT', 'This cadre is not evaluated in this campaign', { termId: problemOf('TERM_NOT_IN_CAMPAIGN') });
    }
    const comment = input.comment?.trim() || null;
    const problems = evaluation.ballotProblems(campaign.criteria, campaign.scale, input.answers, comment);
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_BALLOT', 'Some answers need correcting', problems);
    const answers = evaluation.ballotSteps(campaign.criteria, campaign.scale, input.answers);
    const code = newReceiptCode();
    const ballot = {
      campaignId: campaign.id,
      termId: input.termId,
      userId: principal.id,
      nullifier: this.keys.nullifier(campaign.id, input.termId, principal.id),
      id: randomUUID(),
      answers,
      comment,
      receiptHash: receiptHashOf(code),
    };
    // Most ballots are not a citizen's first of the campaign: they publish no event, and their one statement
    // (the campaign under a share lock, the participation, the ballot: BallotRepository.cast) is its own
    // transaction — no BEGIN and COMMIT round trips. A first ballot writes nothing there, and is cast again
    // in a transaction that publishes "took part" with it.
    let written = await new BallotRepository(context.em).cast(ballot, { alone: true });
    if (written && written.status === 'OPEN' && written.running && !written.tookPart) {
      written = await inTransaction(this.events, context, async (em) => {
        const first = await new BallotRepository(em).cast(ballot, { alone: false });
        const events: DomainEvent<EvaluationEvents>[] = first?.first
          ? [
              {
                action: 'campaign.participate',
                subjectType: 'Campaign',
                subjectId: campaign.id,
                regionPath: campaign.regionPath,
                before: null,
                after: null,
              },
            ]
          : [];
        return { result: first, events };
      });
    }
    if (!written || written.status !== 'OPEN' || !written.running) {
      this.openCampaigns.delete(campaign.id);
      throw notOpen();
    }
    if (!written.cast) throw alreadyVoted();
    return { code: evaluation.formatReceiptCode(code) };
  }

  /** The campaign a ballot is for: kept from an earlier ballot while it is open, else read (one statement) and kept if open. */
  private async campaignForBallot(context: RequestContext, id: string): Promise<CampaignForBallot | null> {
    const kept = this.openCampaigns.get(id);
    if (kept) return kept;
    const campaign = await new CampaignRepository(context.em).forBallot(id);
    if (campaign?.status === 'OPEN') {
      if (this.openCampaigns.size >= OPEN_CAMPAIGNS_KEPT) this.openCampaigns.delete(this.openCampaigns.keys().next().value!);
      this.openCampaigns.set(id, campaign);
    }
    return campaign;
  }

  /** Whether a ballot with this receipt is counted, and its campaign when the caller may read it — never what the ballot says. */
  async checkReceipt(context: RequestContext, typed: string): Promise<BallotReceiptCheckView> {
    const code = evaluation.normalizeReceiptCode(typed);
    if (!code) return { counted: false, campaign: null };
    const campaignId = await new BallotRepository(context.em).receiptCampaign(receiptHashOf(code));
    if (!campaignId) return { counted: false, campaign: null };
    const campaign = await this.campaigns.get(context, campaignId).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    return { counted: true, campaign };
  }

  /** For a citizen: whether they took part in the campaign (null for anybody else). */
  async participated(context: RequestContext, campaign: Campaign): Promise<boolean | null> {
    const { principal } = context;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') return null;
    let loader = participationLoaders.get(context.em);
    if (!loader) {
      loader = new DataLoader<string, boolean>(async (ids) => {
        const took = await new BallotRepository(context.em).participatedIn(ids, principal.id);
        return ids.map((id) => took.has(id));
      });
      participationLoaders.set(context.em, loader);
    }
    return loader.load(campaign.id);
  }

  /** For a citizen: which cadres of the campaign they have evaluated (null for anybody else); one statement per level of the response. */
  async myVotes(context: RequestContext, campaign: Campaign): Promise<CampaignTermVoteView[] | null> {
    const { principal } = context;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') return null;
    const terms: Term[] = await this.campaigns.termsOf(context, campaign);
    let loader = voteLoaders.get(context.em);
    if (!loader) {
      loader = new DataLoader<{ campaignId: string; termIds: string[] }, Set<string>>(async (asked) => {
        const ballots = new BallotRepository(context.em);
        const voted = await this.keys.votedTermsOfCampaigns(ballots, asked, principal.id);
        return asked.map(({ campaignId }) => voted.get(campaignId) ?? new Set<string>());
      });
      voteLoaders.set(context.em, loader);
    }
    const voted = await loader.load({ campaignId: campaign.id, termIds: terms.map((term) => term.id) });
    return terms.map((term) => ({ term, voted: voted.has(term.id) }));
  }
}
