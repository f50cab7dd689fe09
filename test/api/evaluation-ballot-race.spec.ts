import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Exactly once: a citizen who sends the same ballot a hundred times at once (five sessions, twenty
 * requests each) gets one receipt and 99 CONFLICT ALREADY_VOTED; one ballot, one participation, one
 * audit entry of participation — for a first ballot of the campaign (cast in a transaction that
 * publishes "took part") as for a later one (cast by one statement of its own).
 */
describe('evaluation: concurrent ballots by one citizen', () => {
  let server: TestServer;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    server = await startTestServer({ requestsPerAddressPerMinute: 10_000 });
  });
  afterAll(() => server?.close());

  /** An open campaign of the region 880101 evaluating `count` new cadres, and a verified citizen resident there. */
  const openCampaignWithCitizen = async (prefix: string, count: number) => {
    const org = await server.as('orgIn');
    const terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count, prefix });
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    const { createCampaign: campaign } = await org.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
      {
        input: {
          regionId: globalId('Region', region.id),
          title: prefix,
          titleZh: '并发',
          period: '2026',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          termIds: terms.map((id) => globalId('Term', id)),
        },
      },
    );
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: campaign.id });
    const [citizen] = await insertCitizens(server.ownerOrm, server.url, {
      regionCode: '880101001',
      count: 1,
      prefix: prefix.toLowerCase(),
    });
    const ballotFor = (term: string) => ({
      campaignId: campaign.id,
      termId: globalId('Term', term),
      answers: answersOf(campaign.criteria, 'SATISFIED'),
    });
    return { campaign, terms, citizen, ballotFor };
  };

  const castAll = (clients: ApiClient[], ballots: readonly object[]) =>
    Promise.all(
      ballots.map((input, i) =>
        clients[i % clients.length].request<{ castBallot: { code: string } }>(
          `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`,
          { input },
        ),
      ),
    );

  const countsOf = async (campaignId: string) => {
    const id = uuidOf(campaignId);
    const [counts] = await sql<{ ballots: number; participations: number; participants: number; entries: number }>(
      `select (select count(*)::int from ballot where campaign_id = ?) as ballots,
              (select count(*)::int from participation where campaign_id = ?) as participations,
              (select count(*)::int from campaign_participant where campaign_id = ?) as participants,
              (select count(*)::int from audit_entry where action = 'campaign.participate' and subject_id = ?) as entries`,
      [id, id, id, id],
    );
    return counts;
  };

  const refusals = (answers: Awaited<ReturnType<typeof castAll>>) =>
    answers.filter((answer) => answer.errors.length > 0).map((answer) => [errorCode(answer), answer.errors[0].extensions?.reason]);

  it('accepts one and refuses 99 with CONFLICT, leaving one ballot and one participation', async () => {
    const { campaign, terms, citizen, ballotFor } = await openCampaignWithCitizen('Race', 1);
    const sessions = Array.from({ length: 5 }, () => citizen.client());

    const answers = await castAll(
      sessions,
      Array.from({ length: 100 }, () => ballotFor(terms[0])),
    );
    const won = answers.filter((answer) => answer.errors.length === 0);
    expect(won).toHaveLength(1);
    expect(refusals(answers)).toEqual(Array.from({ length: 99 }, () => ['CONFLICT', 'ALREADY_VOTED']));

    expect(await countsOf(campaign.id)).toEqual({ ballots: 1, participations: 1, participants: 1, entries: 1 });
    const check = await server
      .client()
      .ok<{ ballotReceipt: { counted: boolean } }>(`query ($code: String!) { ballotReceipt(code: $code) { counted } }`, {
        code: won[0].data!.castBallot.code,
      });
    expect(check.ballotReceipt.counted).toBe(true);
  });

  // A citizen's later ballots of a campaign are cast without a transaction (no event to publish): the same
  // exactly-once holds there, decided by the participation's key alone.
  it('after a first ballot, accepts one of 100 concurrent ballots for another cadre and refuses 99 with CONFLICT', async () => {
    const { campaign, terms, citizen, ballotFor } = await openCampaignWithCitizen('Again', 2);
    const sessions = Array.from({ length: 5 }, () => citizen.client());
    await sessions[0].ok(`mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`, { input: ballotFor(terms[0]) });

    const answers = await castAll(
      sessions,
      Array.from({ length: 100 }, () => ballotFor(terms[1])),
    );
    expect(answers.filter((answer) => answer.errors.length === 0)).toHaveLength(1);
    expect(refusals(answers)).toEqual(Array.from({ length: 99 }, () => ['CONFLICT', 'ALREADY_VOTED']));
    expect(await countsOf(campaign.id)).toEqual({ ballots: 2, participations: 2, participants: 1, entries: 1 });
  });

  // First ballots race for "took part": each is cast, and the citizen's participation is recorded and audited once.
  it('accepts first ballots for five cadres sent at once, recording and auditing the participation once', async () => {
    const { campaign, terms, citizen, ballotFor } = await openCampaignWithCitizen('Firsts', 5);
    const sessions = Array.from({ length: 5 }, () => citizen.client());

    const answers = await castAll(sessions, terms.map(ballotFor));
    expect(refusals(answers)).toEqual([]);
    expect(await countsOf(campaign.id)).toEqual({ ballots: 5, participations: 5, participants: 1, entries: 1 });
  });
});
