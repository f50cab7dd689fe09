import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { evaluation } from '@massline/shared';
import { sql } from '../../common/sql';

/** What a ballot's statement found of its campaign and its citizen, and what it wrote. */
export interface BallotWrite {
  /** The campaign's status, read under a share lock (a concurrent close waits for the ballot, or the ballot for the close). */
  status: evaluation.CampaignStatus;
  /** Whether its closing time is still ahead (by the database's clock). */
  running: boolean;
  /** Whether the citizen had taken part in the campaign before this statement ("took part" was already written). */
  tookPart: boolean;
  /** Whether the participation and the ballot were written: false when the campaign is not taking ballots, or the nullifier has voted. */
  cast: boolean;
  /** Whether this was the citizen's first ballot of the campaign ("took part" was written now). */
  first: boolean;
}

/** A ballot as written (term, step index per criterion, comment, receipt's hash) and the nullifier of its participation. */
export interface CastBallot {
  termId: string;
  answers: readonly number[];
  comment: string | null;
  receiptHash: Buffer;
  nullifier: Buffer;
}

/**
 * Ballots and participation. The ballot table is sealed — the runtime role may only INSERT into it —
 * so everything read of it goes through the migration's owner functions (`evaluation_*`).
 */
export class BallotRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * A ballot in one statement (one round trip): the campaign read under a share lock (a close — UPDATE …
   * status — waits for this ballot, or this ballot sees it closed); the participation under its nullifier,
   * whose primary key refuses a second ballot for the same term (ON CONFLICT waits for a concurrent one in
   * flight, then writes nothing if it committed); the ballot only if the participation was written (no
   * RETURNING: the runtime role may not read ballots back); and "this citizen took part in this
   * campaign", once.
   *
   * `alone`: the statement runs outside a transaction (it is its own), so it must not write what needs an
   * event published with it: it writes only when the citizen took part in the campaign already, and
   * otherwise writes nothing and says so (`tookPart` false), for the caller to cast in a transaction that
   * publishes "took part". One prepared statement for both (the flag is a parameter): planned once per
   * connection.
   */
  async cast(
    ballot: {
      campaignId: string;
      termId: string;
      userId: string;
      nullifier: Buffer;
      id: string;
      answers: number[];
      comment: string | null;
      receiptHash: Buffer;
    },
    { alone }: { alone: boolean },
  ): Promise<BallotWrite | null> {
    const [row] = await sql<BallotWrite>(
      this.em,
      `with campaign as (select status, closes_at > now() as running from campaign where id = ? for share),
            took_part as (select exists (select from campaign_participant where campaign_id = ? and user_id = ?) as yes),
            participation as (
              insert into participation (nullifier, campaign_id, term_id)
              select ?, ?, ? from campaign, took_part where status = 'OPEN' and running and (took_part.yes or not ?::boolean)
              on conflict (nullifier) do nothing returning term_id),
            ballot as (
              insert into ballot (id, campaign_id, term_id, answers, comment, receipt_hash)
              select ?, ?, term_id, ?::smallint[], ?, ? from participation),
            participant as (
              insert into campaign_participant (campaign_id, user_id) select ?, ? from participation, took_part where not took_part.yes
              on conflict do nothing returning user_id)
       select c.status, c.running, (select yes from took_part) as "tookPart", exists (select from participation) as cast,
              exists (select from participant) as first
         from campaign c`,
      [
        ballot.campaignId,
        ballot.campaignId,
        ballot.userId,
        ballot.nullifier,
        ballot.campaignId,
        ballot.termId,
        alone,
        ballot.id,
        ballot.campaignId,
        ballot.answers,
        ballot.comment,
        ballot.receiptHash,
        ballot.campaignId,
        ballot.userId,
      ],
      { prepared: 'ballot-cast' },
    );
    return row ?? null;
  }

  /**
   * Many citizens' ballots for one campaign at once (the demo seed), each as `cast` writes one — its
   * participation under its nullifier, the ballot, the citizen's part in the campaign — in three set-based
   * statements. Ballots are written in the order given, which the caller makes unrelated to the voters'.
   */
  async addBallots(campaignId: string, ballots: readonly CastBallot[], participantIds: readonly string[]): Promise<void> {
    if (ballots.length === 0) return;
    await sql(
      this.em,
      // In the nullifiers' order, not the ballots': row n of one table says nothing of row n of the other.
      `insert into participation (nullifier, campaign_id, term_id)
       select p.nullifier, ?, p.term_id from unnest(?::bytea[], ?::uuid[]) as p(nullifier, term_id) order by p.nullifier`,
      [campaignId, ballots.map((ballot) => ballot.nullifier), ballots.map((ballot) => ballot.termId)],
    );
    await sql(
      this.em,
      `insert into ballot (id, campaign_id, term_id, answers, comment, receipt_hash)
       select b.id, ?, b.term_id, b.answers::smallint[], b.comment, b.receipt_hash
         from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::bytea[]) with ordinality as b(id, term_id, answers, comment, receipt_hash, position)
        order by b.position`,
      [
        campaignId,
        ballots.map(() => randomUUID()),
        ballots.map((ballot) => ballot.termId),
        ballots.map((ballot) => `{${ballot.answers.join(',')}}`),
        ballots.map((ballot) => ballot.comment),
        ballots.map((ballot) => ballot.receiptHash),
      ],
    );
    await sql(
      this.em,
      `insert into campaign_participant (campaign_id, user_id) select ?, u.id from unnest(?::uuid[]) as u(id) order by u.id`,
      [campaignId, [...participantIds]],
    );
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

  /** The comments of the ballots of these campaigns (closed ones only), in random order: one statement. */
  comments(campaignIds: readonly string[]): Promise<{ campaignId: string; termId: string; comment: string }[]> {
    return sql(this.em, `select campaign_id as "campaignId", term_id as "termId", comment from evaluation_comments(?::uuid[])`, [
      [...campaignIds],
    ]);
  }
}
