import type { EntityManager } from '@mikro-orm/postgresql';
import type { evaluation } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey, type SortOrder } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import { Campaign } from './campaign.entity';
import { CampaignTerm } from './campaign-term.entity';
import type { CampaignFilter, CampaignOrder } from './dto/evaluation.inputs';

/** A campaign's tally of one cadre, as campaign_term_result and campaign_result hold it. */
export interface TermTally {
  termId: string;
  ballots: number;
  ballotMeans: { n: number; sum: number; sumOfSquares: number };
  criteria: { code: string; n: number; sum: number; sumOfSquares: number; dontKnow: number }[];
}

/** What a ballot is checked against: the campaign's state and its frozen terms, criteria and scale. */
export interface CampaignForBallot {
  id: string;
  status: evaluation.CampaignStatus;
  scale: evaluation.AnswerScaleCode;
  criteria: evaluation.CampaignCriterion[];
  regionPath: string;
  termIds: string[];
}

/**
 * Who may vote in a campaign: active, verified citizens resident in its region's subtree (`r` is the
 * citizen's region, `campaign_path` the campaign region's path; paths are digits and slashes, no LIKE escapes).
 */
export const ELIGIBLE_CITIZENS = `u.role = 'CITIZEN' and u.citizen_status = 'VERIFIED' and u.active and r.path like campaign_path || '%'`;

/** The query side of campaigns, on the entity manager it is given. */
export class CampaignRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The filter a caller asked for (null: nothing matches — a region that does not exist, or "participated"
   * for someone who took part in nothing). `citizenId`: the caller, when a citizen (whose participation
   * `participated` is about, read from campaign_participant, never from the ballots).
   */
  async requestedFilter(filter: CampaignFilter | null | undefined, citizenId: string | null = null): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.status) requested.status = filter.status;
    if (filter?.period) requested.period = filter.period;
    if (filter?.participated !== null && filter?.participated !== undefined) {
      // The caller's campaigns: one statement, as many ids as campaigns they took part in (not as rows listed).
      const mine = citizenId === null ? [] : await this.participatedBy(citizenId);
      if (filter.participated && mine.length === 0) return null;
      if (mine.length > 0) requested.id = filter.participated ? { $in: mine } : { $nin: mine };
    }
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of campaigns, the newest first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: CampaignOrder | null | undefined): Promise<Connection<Campaign>> {
    const createdAt = (direction: SortOrder) => sortKey<Campaign>('createdAt', direction, 'date', (campaign) => campaign.createdAt);
    const order = orderFor<CampaignOrder['field'], Campaign>(
      'campaigns',
      orderBy,
      { field: 'CREATED_AT', direction: 'DESC' },
      {
        CREATED_AT: (direction) => [createdAt(direction)],
        CLOSES_AT: (direction) => [sortKey('closesAt', direction, 'date', (campaign) => campaign.closesAt)],
      },
      byId,
    );
    return paginate(this.em, Campaign, where, page, order, ['region']);
  }

  /** The open campaigns of these regions (a citizen's own and those above it), closing soonest first. */
  openIn(regionPaths: readonly string[]): Promise<Campaign[]> {
    return this.em.find(
      Campaign,
      { status: 'OPEN', region: { path: { $in: [...regionPaths] } } },
      { populate: ['region'], orderBy: [{ closesAt: 'asc' }, { id: 'asc' }] },
    );
  }

  /**
   * What a ballot is checked against, in one plain statement (the hottest read of a campaign): status,
   * frozen criteria and scale, region path and terms in ballot order. Null when there is no such campaign.
   */
  async forBallot(id: string): Promise<CampaignForBallot | null> {
    const [row] = await sql<CampaignForBallot>(
      this.em,
      `select c.id, c.status, c.scale, c.criteria, r.path as "regionPath",
              array(select ct.term_id from campaign_term ct where ct.campaign_id = c.id order by ct.position)::text[] as "termIds"
         from campaign c join region r on r.id = c.region_id where c.id = ?`,
      [id],
    );
    return row ?? null;
  }

  /** The campaign with its region, read afresh (not from the identity map): what a change starts from. */
  findWithRegion(id: string): Promise<Campaign | null> {
    return this.em.findOne(Campaign, { id }, { populate: ['region'], refresh: true });
  }

  /**
   * Moves a campaign on from `from` — a guarded write (`UPDATE … WHERE id = ? AND status = ?`): false when
   * a concurrent request moved it first.
   */
  async transition(id: string, from: evaluation.CampaignStatus, changes: Partial<Campaign>): Promise<boolean> {
    return (await this.em.nativeUpdate(Campaign, { id, status: from }, changes)) === 1;
  }

  /** The terms of each campaign, in ballot order. */
  /** Every term a published campaign evaluated (those with a verdict to reach). One statement. */
  async publishedTermIds(): Promise<string[]> {
    const rows = await sql<{ termId: string }>(
      this.em,
      `select distinct ct.term_id as "termId" from campaign_term ct join campaign c on c.id = ct.campaign_id where c.status = 'PUBLISHED'`,
    );
    return rows.map((row) => row.termId);
  }

  async termIdsOf(campaignIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await sql<{ campaignId: string; termId: string }>(
      this.em,
      `select campaign_id as "campaignId", term_id as "termId" from campaign_term where campaign_id = any(?::uuid[]) order by campaign_id, position`,
      [[...campaignIds]],
    );
    const byCampaign = new Map<string, string[]>(campaignIds.map((id) => [id, []]));
    for (const row of rows) byCampaign.get(row.campaignId)?.push(row.termId);
    return byCampaign;
  }

  /** The campaign's terms become these, in this order (a draft's). */
  async replaceTerms(campaignId: string, termIds: readonly string[]): Promise<void> {
    await this.em.nativeDelete(CampaignTerm, { campaign: campaignId });
    await sql(
      this.em,
      `insert into campaign_term (campaign_id, term_id, position)
       select ?, t.id, t.position - 1 from unnest(?::uuid[]) with ordinality as t(id, position)`,
      [campaignId, [...termIds]],
    );
  }

  /** How many citizens may vote in a campaign of each of these regions (by path): one statement. */
  async eligibleIn(regionPaths: readonly string[]): Promise<Map<string, number>> {
    const rows = await sql<{ path: string; n: string }>(
      this.em,
      `select campaign_path as path, (select count(*) from app_user u join region r on r.id = u.region_id where ${ELIGIBLE_CITIZENS}) as n
         from unnest(?::text[]) as p(campaign_path)`,
      [[...regionPaths]],
    );
    return new Map(rows.map((row) => [row.path, Number(row.n)]));
  }

  /** The open campaigns whose closing time has passed: the sweep closes them. */
  async dueToClose(now: Date): Promise<string[]> {
    const rows = await sql<{ id: string }>(this.em, `select id from campaign where status = 'OPEN' and closes_at <= ? order by closes_at`, [
      now,
    ]);
    return rows.map((row) => row.id);
  }

  /** Marks the reminder of each open campaign closing within a day as sent, once (guarded by `reminded_at`): the ids marked. */
  async markReminders(now: Date): Promise<{ id: string; regionPath: string; title: string; titleZh: string; closesAt: Date }[]> {
    return sql(
      this.em,
      `update campaign c set reminded_at = ?::timestamptz from region r
        where r.id = c.region_id and c.status = 'OPEN' and c.reminded_at is null and c.closes_at > ?::timestamptz and c.closes_at <= ?::timestamptz + interval '1 day'
      returning c.id, r.path as "regionPath", c.title, c.title_zh as "titleZh", c.closes_at as "closesAt"`,
      [now, now, now],
    );
  }

  /** The tallies written at close, per campaign and term (terms without ballots have zero rows of criteria). */
  async talliesOf(campaignIds: readonly string[]): Promise<Map<string, TermTally[]>> {
    const terms = await sql<{ campaignId: string; termId: string; ballots: number; n: number; sum: number; sumOfSquares: number }>(
      this.em,
      `select r.campaign_id as "campaignId", r.term_id as "termId", r.ballots, r.means_n as n, r.means_sum as sum, r.means_sum_of_squares as "sumOfSquares"
         from campaign_term_result r join campaign_term ct on ct.campaign_id = r.campaign_id and ct.term_id = r.term_id
        where r.campaign_id = any(?::uuid[]) order by r.campaign_id, ct.position`,
      [[...campaignIds]],
    );
    const criteria = await sql<{
      campaignId: string;
      termId: string;
      code: string;
      n: number;
      sum: number;
      sumOfSquares: number;
      dontKnow: number;
    }>(
      this.em,
      `select campaign_id as "campaignId", term_id as "termId", criterion_code as code, n, sum, sum_of_squares as "sumOfSquares", dont_know as "dontKnow"
         from campaign_result where campaign_id = any(?::uuid[])`,
      [[...campaignIds]],
    );
    const tallies = new Map<string, TermTally[]>(campaignIds.map((id) => [id, []]));
    for (const row of terms) {
      tallies.get(row.campaignId)?.push({
        termId: row.termId,
        ballots: row.ballots,
        ballotMeans: { n: row.n, sum: row.sum, sumOfSquares: row.sumOfSquares },
        criteria: criteria
          .filter((c) => c.campaignId === row.campaignId && c.termId === row.termId)
          .map(({ code, n, sum, sumOfSquares, dontKnow }) => ({ code, n, sum, sumOfSquares, dontKnow })),
      });
    }
    return tallies;
  }

  /**
   * The published campaigns of these regions, each with its k and its cadres' ballots and ballot-mean sums:
   * what CADRE_TRUST is computed from (shared's `cadreTrustOf`). One statement for any number of regions;
   * the caller keeps the period it wants (periods are compared in their canonical form).
   */
  async publishedTalliesIn(regionIds: readonly string[]): Promise<PublishedTally[]> {
    const rows = await sql<{
      campaignId: string;
      regionId: string;
      period: string;
      title: string;
      k: number;
      terms: PublishedTally['terms'];
    }>(
      this.em,
      `select c.id as "campaignId", c.region_id as "regionId", c.period, c.title, c.publication_threshold as k,
              coalesce(json_agg(json_build_object('ballots', r.ballots, 'ballotMeans',
                json_build_object('n', r.means_n, 'sum', r.means_sum, 'sumOfSquares', r.means_sum_of_squares))) filter (where r.term_id is not null), '[]') as terms
         from campaign c left join campaign_term_result r on r.campaign_id = c.id
        where c.region_id = any(?::uuid[]) and c.status = 'PUBLISHED'
        group by c.id order by c.published_at, c.id`,
      [[...regionIds]],
    );
    return rows.map(({ k, ...row }) => ({ ...row, publicationThreshold: k }));
  }

  /** The campaigns a citizen took part in (campaign_participant: which campaign, never which cadre or ballot). */
  async participatedBy(userId: string): Promise<string[]> {
    const rows = await sql<{ campaignId: string }>(
      this.em,
      `select campaign_id as "campaignId" from campaign_participant where user_id = ?`,
      [userId],
    );
    return rows.map((row) => row.campaignId);
  }

  /** Serialises the CADRE_TRUST feeds of one region and period (transaction-scoped): each reads what the one before it committed. */
  async lockTrustFeed(regionId: string, period: string): Promise<void> {
    await sql(this.em, `select pg_advisory_xact_lock(hashtextextended('cadre-trust:' || ? || '|' || ?, 0))`, [regionId, period]);
  }
}

/** A published campaign's tally for CADRE_TRUST. */
export interface PublishedTally extends evaluation.CampaignTrustTally {
  regionId: string;
  period: string;
  title: string;
}
