import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as run } from '../../server/src/common/sql';
import { ApiClient } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The server killed with SIGKILL in the middle of a ballot load: after a restart every receipt a client
 * received is counted, and per campaign and cadre there are exactly as many ballots as participation
 * records — no ballot without its participation, no participation without its ballot.
 */
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const TERMS = 5;
const VOTERS = 40;

describe('evaluation: SIGKILL under a ballot load', () => {
  let server: TestServer;
  const processes: ServerProcess[] = [];
  let campaign: { id: string; criteria: { code: string }[] };
  let terms: string[];
  let voters: FixtureCitizen[];
  const sql = <T>(text: string, params: unknown[] = []) => run<T>(server.ownerOrm.em.fork(), text, params);

  beforeAll(async () => {
    server = await startTestServer();
    const org = await server.as('orgIn');
    terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: TERMS, prefix: 'Kill' });
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    campaign = (
      await org.ok<{ createCampaign: typeof campaign }>(
        `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
        {
          input: {
            regionId: globalId('Region', region.id),
            title: 'Kill',
            titleZh: '中断',
            period: '2026',
            opensAt: new Date().toISOString(),
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
            termIds: terms.map((id) => globalId('Term', id)),
          },
        },
      )
    ).createCampaign;
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: campaign.id });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: VOTERS, prefix: 'kill-voter' });
  }, 120_000);
  afterAll(async () => {
    for (const child of processes) await child.kill();
    await server?.close();
  });

  it('counts every receipt given out, and leaves no orphan either way', async () => {
    const first = await startServerProcess(server.database);
    processes.push(first);
    const receipts: string[] = [];
    /** Which voter and cadre each receipt is for. */
    const given: { voter: FixtureCitizen; termId: string }[] = [];
    let killed = false;
    // Each voter casts a ballot per cadre, one after the other; forty voters at once.
    const load = Promise.all(
      voters.map(async (voter) => {
        const client = voter.client(first.url);
        for (const termId of terms) {
          if (killed) return;
          try {
            const answer = await client.request<{ castBallot: { code: string } }>(CAST, {
              input: { campaignId: campaign.id, termId: globalId('Term', termId), answers: answersOf(campaign.criteria, 'SATISFIED') },
            });
            if (answer.data?.castBallot) {
              receipts.push(answer.data.castBallot.code);
              given.push({ voter, termId });
            }
          } catch {
            // The connection died with the server: this ballot may or may not have been committed; no receipt was given.
            return;
          }
        }
      }),
    );
    while (receipts.length < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    await first.kill();
    await load;
    expect(receipts.length).toBeGreaterThanOrEqual(60);
    expect(receipts.length).toBeLessThan(VOTERS * TERMS);

    const second = await startServerProcess(server.database);
    processes.push(second);
    const checker = new ApiClient(second.url);
    for (const code of receipts) {
      const answer = await checker.ok<{ ballotReceipt: { counted: boolean } }>(
        `query ($code: String!) { ballotReceipt(code: $code) { counted } }`,
        { code },
      );
      expect(answer.ballotReceipt.counted, code).toBe(true);
    }
    const perTerm = await sql<{ term: string; ballots: number; participations: number }>(
      `select t.id as term,
              (select count(*)::int from ballot b where b.campaign_id = ? and b.term_id = t.id) as ballots,
              (select count(*)::int from participation p where p.campaign_id = ? and p.term_id = t.id) as participations
         from term t where t.id = any(?::uuid[]) order by t.id`,
      [uuidOf(campaign.id), uuidOf(campaign.id), terms],
    );
    expect(perTerm).toHaveLength(TERMS);
    for (const row of perTerm) expect(row.ballots, row.term).toBe(row.participations);
    const total = perTerm.reduce((sum, row) => sum + row.ballots, 0);
    expect(total).toBeGreaterThanOrEqual(receipts.length);
    // The restarted server refuses a second ballot for a receipt given before the kill.
    const retried = await given[0].voter.client(second.url).request(CAST, {
      input: { campaignId: campaign.id, termId: globalId('Term', given[0].termId), answers: answersOf(campaign.criteria, 'SATISFIED') },
    });
    expect(retried.errors[0]?.extensions?.reason).toBe('ALREADY_VOTED');
  }, 240_000);
});
