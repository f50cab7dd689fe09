import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { answersOf, insertCampaign, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId } from '../support/global-id';
import { statementCounter } from '../support/statement-counter';
import { ACTOR_EMAILS, startTestServer, type TestServer } from '../support/test-server';

/**
 * The campaign lists cost as many SQL statements for 1 row as for many (no N+1): terms, turnout, results
 * with comments, the caller's participation and votes all come through per-request loaders. And a ballot
 * costs what ballot intake's target allows.
 */
describe('SQL statements of the campaign lists', () => {
  let server: TestServer;
  let statements: ReturnType<typeof statementCounter>;
  beforeAll(async () => {
    server = await startTestServer();
    statements = statementCounter(server);
    const terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 3, prefix: 'Counted' });
    for (let i = 0; i < 12; i++)
      await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds: terms, title: `Counted ${i}` });
    for (let i = 0; i < 12; i++)
      await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'CLOSED', termIds: terms, title: `Closed ${i}` });
    // The citizen took part in every open one (what the "participated" filter reads).
    await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute(
        `insert into campaign_participant (campaign_id, user_id)
         select c.id, u.id from campaign c, app_user u where c.title like 'Counted %' and u.email = ?`,
        [ACTOR_EMAILS.citizen],
      );
  });
  afterAll(() => server?.close());

  const measure = async (client: ApiClient, query: string, n: number) => {
    statements.reset();
    const data = await client.ok<{ campaigns: { totalCount: number; edges: unknown[] } }>(query, { n });
    return { statements: statements.count, rows: data.campaigns.edges.length, total: data.campaigns.totalCount };
  };

  it.each([
    [
      'the organization’s list: terms with cadre and post, turnout, results with comments',
      'orgRoot',
      'query ($n: Int!) { campaigns(first: $n, filter: { status: CLOSED }) { totalCount edges { node { title actions region { code } organization { name } terms { id cadre { name } post { title } } turnout { ballots participants eligible terms { ballots } } results { ballots published comments } } } } }',
    ],
    [
      'a citizen’s list: participation and votes per cadre',
      'citizen',
      'query ($n: Int!) { campaigns(first: $n, filter: { status: OPEN }) { totalCount edges { node { title myParticipation myVotes { term { id } voted } turnout { ballots eligible } } } } }',
    ],
    [
      'a citizen’s participation: the campaigns they took part in',
      'citizen',
      'query ($n: Int!) { campaigns(first: $n, filter: { participated: true }) { totalCount edges { node { title period status closesAt myParticipation } } } }',
    ],
  ] as const)('%s', async (_name, actor, query) => {
    const client = await server.as(actor);
    const one = await measure(client, query, 1);
    const many = await measure(client, query, 20);
    expect(one.rows).toBe(1);
    // The twelve fixtures, and the demo's campaign of that status the caller sees (its closed one, its open one).
    expect(many.rows).toBe(many.total);
    expect(many.rows).toBeGreaterThanOrEqual(12);
    expect(many.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(14);
  });

  // Ballot intake's budget: a citizen's later ballot of a campaign publishes no event, so it is the session's
  // lookup and one statement of its own (campaign, participation, ballot) — no BEGIN, no COMMIT.
  it("a citizen's later ballot of a campaign: the session's lookup and one statement", async () => {
    const terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Cast' });
    const campaign = await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds: terms, title: 'Cast' });
    const [citizen] = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 1, prefix: 'counted-voter' });
    const client = citizen.client();
    const cast = (term: string) =>
      client.ok<{ castBallot: { code: string } }>(`mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`, {
        input: {
          campaignId: globalId('Campaign', campaign.id),
          termId: globalId('Term', term),
          answers: answersOf(campaign.criteria, 'SATISFIED'),
        },
      });
    await cast(terms[0]);
    statements.reset();
    const later = await cast(terms[1]);
    expect(later.castBallot.code).toMatch(/\S/);
    expect(statements.count).toBe(2);
  });
});
