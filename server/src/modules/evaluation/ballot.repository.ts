import type { EntityManager } from '@mikro-orm/postgresql';
import type { evaluation } from '@massline/shared';
import { sql } from '../../common/sql';

/** PostgreSQL's SQLSTATE for a unique violation (raw statements get the driver's error, not the ORM's exception). */
const UNIQUE_VIOLATION = '23505';

/** What a ballot's transaction needs of its campaign, read under a share lock (a concurrent close waits for it, and it for the close). */
export interface CampaignForBallot {
  status: evaluation.CampaignStatus;
  /** Whether its closing time is still ahead (by the database's clock). */
  running: boolean;
}

/**
 * Ballots and participation. The ballot table is sealed — the runtime role may only INSERT into it —
 * so everything read of it goes through the migration's owner functions (`evaluation_*`).
 */
export class BallotRepository {
  constructor(private readonly em: EntityManager) {}

  async lockCampaign(campaignId: string): Promise<CampaignForBallot | null> {
    const [row] = await sql<CampaignForBallot>(
      this.em,
      `select status, closes_at > now() as running from campaign where id = ? for share`,
      [campaignId],
    );
    return row ?? null;
  }

  /**
   * The participation record: its primary key (the nullifier) refuses a second ballot for the same term —
   * false then, whether the first is committed or still in flight (the insert waits for it). The
   * transaction is then aborted: the caller throws.
   */
  async addParticipation(nullifier: Buffer, campaignId: string, termId: string): Promise<boolean> {
    try {
      await sql(this.em, `insert into participation (nullifier, campaign_id, term_id) values (?, ?, ?)`, [nullifier, campaignId, termId]);
      return true;
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'participation_pkey') return false;
      throw error;
    }
  }

  /** The ballot itself: no RETURNING (the runtime role may not read the table back). */
  async addBallot(ballot: {
    id: string;
    campaignId: string;
    termId: string;
    answers: number[];
    comment: string | null;
    receiptHash: Buffer;
  }) {
    await sql(
      this.em,
      `insert into ballot (id, campaign_id, term_id, answers, comment, receipt_hash) values (?, ?, ?, ?::smallint[], ?, ?)`,
      [ballot.id, ballot.campaignId, ballot.termId, ballot.answers, ballot.comment, ballot.receiptHash],
    );
  }

  /** "This citizen took part in this campaign", once: true when this call wrote it (their first ballot of the campaign). */
  async addParticipant(campaignId: string, userId: string): Promise<boolean> {
    const rows = await sql(
      this.em,
      `insert into campaign_participant (campaign_id, user_id) values (?, ?) on conflict do nothing returning campaign_id`,
      [campaignId, userId],
    );
    return rows.length === 1;
  }

  /** Which of these nullifiers have a participation (the caller's ballots, found by recomputing their nullifiers). */
  async existingNullifiers(nullifiers: readonly Buffer[]): Promise<Set<string>> {
    if (nullifiers.length === 0) return new Set();
    const rows = await sql<{ nullifier: Buffer }>(this.em, `select nullifier from participation where nullifier = any(?::bytea[])`, [
      [...nullifiers],
    ]);
    return new Set(rows.map((row) => row.nullifier.toString('hex')));
  }

  /** Ballots per campaign and term, counted from participation (one per ballot, by construction). */
  async ballotCounts(campaignIds: readonly string[]): Promise<{ campaignId: string; termId: string; ballots: number }[]> {
    return sql(
      this.em,
      `select campaign_id as "campaignId", term_id as "termId", count(*)::int as ballots
         from participation where campaign_id = any(?::uuid[]) group by campaign_id, term_id`,
      [[...campaignIds]],
    );
  }

  /** Citizens who took part, per campaign. */
  async participantCounts(campaignIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await sql<{ campaignId: string; n: number }>(
      this.em,
      `select campaign_id as "campaignId", count(*)::int as n from campaign_participant where campaign_id = any(?::uuid[]) group by campaign_id`,
      [[...campaignIds]],
    );
    return new Map(rows.map((row) => [row.campaignId, row.n]));
  }

  /** The campaigns among these that this citizen took part in. */
  async participatedIn(campaignIds: readonly string[], userId: string): Promise<Set<string>> {
    const rows = await sql<{ campaignId: string }>(
      this.em,
      `select campaign_id as "campaignId" from campaign_participant where campaign_id = any(?::uuid[]) and user_id = ?`,
      [[...campaignIds], userId],
    );
    return new Set(rows.map((row) => row.campaignId));
  }

  /** The users who took part in a campaign (for the reminder, which skips those who evaluated every cadre). */
  async participants(campaignId: string): Promise<string[]> {
    const rows = await sql<{ userId: string }>(this.em, `select user_id as "userId" from campaign_participant where campaign_id = ?`, [
      campaignId,
    ]);
    return rows.map((row) => row.userId);
  }

  /** The campaign of the ballot with this receipt, if one is counted. */
  async receiptCampaign(receiptHash: Buffer): Promise<string | null> {
    const [row] = await sql<{ campaignId: string | null }>(this.em, `select evaluation_receipt_campaign(?) as "campaignId"`, [receiptHash]);
    return row?.campaignId ?? null;
  }

  /**
   * Shuffles and tallies a campaign's ballots (the close); `scores[step]` is a step's score, null for
   * "don't know". Returns the ballots tallied.
   */
  async shuffleAndTally(campaignId: string, scores: readonly (number | null)[]): Promise<number> {
    const [row] = await sql<{ tallied: number }>(this.em, `select evaluation_close(?, ?::double precision[]) as tallied`, [
      campaignId,
      [...scores],
    ]);
    return row.tallied;
  }

  /** The comments of one cadre's ballots in a closed campaign, in random order. */
  async comments(campaignId: string, termId: string): Promise<string[]> {
    const rows = await sql<{ comment: string }>(this.em, `select evaluation_comments(?, ?) as comment`, [campaignId, termId]);
    return rows.map((row) => row.comment);
  }
}
