import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { evaluation } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Anonymity by construction: nothing the server's runtime role can reach joins a ballot to a citizen —
 * no column, timestamp or sequence of the ballot, no table that refers to one, not its system columns
 * (the ballot table is INSERT-only for it), not the audit log (participation in the campaign, never the
 * ballot or the cadre). And after close even the owner finds the ballots' physical order and xmin cut
 * from the order they were cast in.
 */
describe('evaluation: ballots cannot be joined to citizens', () => {
  let server: TestServer;
  let runtime: Client;
  let campaignId: string;
  let terms: string[];
  let voters: FixtureCitizen[];
  /** Receipt codes in the order the ballots were cast (the first twelve for the first cadre, then three for the second). */
  const receipts: string[] = [];
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const hashOf = (code: string) => createHash('sha256').update(evaluation.normalizeReceiptCode(code)!).digest('hex');

  /** A statement as the runtime role, rolled back whatever happens; the error message, or null. */
  async function attempt(statement: string, params: unknown[] = []): Promise<string | null> {
    await runtime.query('begin');
    try {
      await runtime.query(statement, params);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await runtime.query('rollback');
    }
  }

  /** The ballots of the campaign as the owner finds them on disk: casting index of each, in physical order, with its xmin. */
  async function physicalOrder() {
    const rows = await sql<{ hash: string; xmin: string }>(
      `select encode(receipt_hash, 'hex') as hash, xmin::text as xmin from ballot where campaign_id = ? order by ctid`,
      [campaignId],
    );
    const castAt = new Map(receipts.map((code, i) => [hashOf(code), i]));
    return { order: rows.map((row) => castAt.get(row.hash)!), xmins: rows.map((row) => row.xmin) };
  }

  beforeAll(async () => {
    server = await startTestServer();
    runtime = new Client({ connectionString: server.database.runtimeUrl });
    await runtime.connect();
    const org = await server.as('orgIn');
    terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Anonymity' });
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    const { createCampaign } = await org.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
      {
        input: {
          regionId: globalId('Region', region.id),
          title: 'Anonymity',
          titleZh: '匿名',
          period: '2026',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          termIds: terms.map((id) => globalId('Term', id)),
          publicationThreshold: 5,
        },
      },
    );
    campaignId = uuidOf(createCampaign.id);
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: createCampaign.id });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 12, prefix: 'anonymous-voter' });
    const cast = async (voter: FixtureCitizen, termId: string, step: string) => {
      const { castBallot } = await voter
        .client()
        .ok<{ castBallot: { code: string } }>(`mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`, {
          input: {
            campaignId: createCampaign.id,
            termId: globalId('Term', termId),
            answers: answersOf(createCampaign.criteria, step),
            comment: `by ${voter.email}`,
          },
        });
      receipts.push(castBallot.code);
    };
    for (const [i, voter] of voters.entries()) await cast(voter, terms[0], ['SATISFIED', 'DISSATISFIED', 'DONT_KNOW'][i % 3]);
    for (const voter of voters.slice(0, 3)) await cast(voter, terms[1], 'BASICALLY_SATISFIED');
  });
  afterAll(async () => {
    await runtime?.end();
    await server?.close();
  });

  it('keeps no user, timestamp or sequence in a ballot or a participation record', async () => {
    const columns = await sql<{ table: string; column: string; defaulted: string | null }>(
      `select table_name as table, column_name as column, column_default as defaulted from information_schema.columns
        where table_schema = 'public' and table_name in ('ballot', 'participation', 'campaign_participant') order by table_name, ordinal_position`,
    );
    const of = (table: string) => columns.filter((c) => c.table === table).map((c) => c.column);
    expect(of('ballot')).toEqual(['id', 'campaign_id', 'term_id', 'answers', 'comment', 'receipt_hash']);
    expect(of('participation')).toEqual(['nullifier', 'campaign_id', 'term_id']);
    expect(of('campaign_participant')).toEqual(['campaign_id', 'user_id']);
    // No default anywhere (no now(), no nextval): every value is the server's, and the key is random.
    expect(columns.filter((c) => c.table !== 'campaign_participant').map((c) => c.defaulted)).toEqual(Array(9).fill(null));
    const [triggers] = await sql<{ n: number }>(
      `select count(*)::int as n from pg_trigger where tgrelid = 'ballot'::regclass and not tgisinternal`,
    );
    expect(triggers.n).toBe(0);
  });

  it('lets the runtime role insert ballots and nothing else: no SELECT, not even of its system columns', async () => {
    for (const statement of [
      'select count(*) from ballot',
      'select xmin, ctid from ballot',
      'select b.id from ballot b join participation p on p.campaign_id = b.campaign_id and p.term_id = b.term_id',
      'update ballot set comment = null',
      'delete from ballot',
      'truncate ballot',
    ]) {
      expect(await attempt(statement), statement).toMatch(/permission denied/);
    }
    expect(
      await attempt(
        `insert into ballot (id, campaign_id, term_id, answers, comment, receipt_hash) values (gen_random_uuid(), $1, $2, '{0}', null, $3)`,
        [campaignId, terms[0], Buffer.alloc(32, 7)],
      ),
    ).toBeNull();
    // RETURNING reads the row back: refused too.
    expect(
      await attempt(
        `insert into ballot (id, campaign_id, term_id, answers, receipt_hash) values (gen_random_uuid(), $1, $2, '{0}', $3) returning id`,
        [campaignId, terms[0], Buffer.alloc(32, 8)],
      ),
    ).toMatch(/permission denied/);
  });

  it('has no table the runtime role reads that refers to a ballot, and answers aggregates only through the owner functions', async () => {
    const references = await sql<{ table: string }>(
      `select conrelid::regclass::text as table from pg_constraint where confrelid = 'ballot'::regclass`,
    );
    expect(references).toEqual([]);
    const readable = await runtime.query<{ table: string; column: string }>(
      `select c.table_name as table, c.column_name as column from information_schema.columns c
        where c.table_schema = 'public' and has_table_privilege(current_user, format('%I.%I', c.table_schema, c.table_name), 'select')`,
    );
    // No ballot key or receipt anywhere it reads (`ballots` columns are counts). An anonymous objection's
    // receipt hash is no ballot's: the objection is public text, its hash links it to nobody, and the
    // server looks it up by it (test/api/grant-objections-mine.spec.ts holds what it must not reveal).
    const ballotSide = readable.rows.filter((c) => !(c.table === 'grant_objection' && c.column === 'receipt_hash'));
    expect(ballotSide.filter((c) => /receipt|ballot_id/.test(c.column) || c.table === 'ballot')).toEqual([]);
    const counts = await runtime.query(`select * from evaluation_ballot_counts($1) order by ballots desc`, [campaignId]);
    expect(counts.rows).toEqual([
      { term_id: terms[0], ballots: '12' },
      { term_id: terms[1], ballots: '3' },
    ]);
    const receipt = await runtime.query(`select evaluation_receipt_campaign($1) as campaign`, [Buffer.from(hashOf(receipts[0]), 'hex')]);
    expect(receipt.rows).toEqual([{ campaign: campaignId }]);
    // Comments only once the campaign has closed.
    expect((await runtime.query(`select * from evaluation_comments($1::uuid[])`, [[campaignId]])).rows).toEqual([]);
  });

  it('audits participation in the campaign once per citizen, never the ballot or the cadre', async () => {
    const entries = await sql<{ actor: string; row: string }>(
      `select actor_label as actor, row_to_json(a)::text as row from audit_entry a where action = 'campaign.participate' and subject_id = ?`,
      [campaignId],
    );
    expect(entries.map((entry) => entry.actor).sort()).toEqual(voters.map((voter) => voter.email).sort());
    for (const { row } of entries) {
      for (const secret of [...terms, ...receipts, ...receipts.map(hashOf)]) expect(row).not.toContain(secret);
    }
    const [entry] = await sql<{ before: unknown; after: unknown; subjectType: string }>(
      `select before, after, subject_type as "subjectType" from audit_entry where action = 'campaign.participate' and subject_id = ? limit 1`,
      [campaignId],
    );
    expect(entry).toEqual({ before: null, after: null, subjectType: 'Campaign' });
  });

  it('after close, the ballots no longer follow the casting order, on disk or in xmin — even for the owner', async () => {
    const before = await physicalOrder();
    // The test can see an order when there is one: before close, disk order and xmin follow casting.
    expect(before.order).toEqual(receipts.map((_, i) => i));
    expect(new Set(before.xmins).size).toBe(receipts.length);

    const org = await server.as('orgIn');
    await org.ok(`mutation ($id: ID!) { closeCampaign(id: $id) { id } }`, { id: globalId('Campaign', campaignId) });
    const after = await physicalOrder();
    expect([...after.order].sort((a, b) => a - b)).toEqual(receipts.map((_, i) => i));
    expect(after.order).not.toEqual(before.order);
    // Rewritten in one transaction: one xmin for all, none of those they were cast with.
    expect(new Set(after.xmins).size).toBe(1);
    expect(before.xmins).not.toContain(after.xmins[0]);
    // Every receipt is still counted.
    for (const code of receipts) {
      const answer = await server
        .client()
        .ok<{ ballotReceipt: { counted: boolean } }>(`query ($code: String!) { ballotReceipt(code: $code) { counted } }`, {
          code,
        });
      expect(answer.ballotReceipt.counted).toBe(true);
    }
  });
});
