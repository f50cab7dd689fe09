import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Exactly once: a citizen who sends the same ballot a hundred times at once (five sessions, twenty
 * requests each) gets one receipt and 99 CONFLICT ALREADY_VOTED; one ballot, one participation, one
 * audit entry of participation.
 */
describe('evaluation: 100 concurrent ballots by one citizen for one cadre', () => {
  let server: TestServer;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    server = await startTestServer({ requestsPerAddressPerMinute: 10_000 });
  });
  afterAll(() => server?.close());

  it('accepts one and refuses 99 with CONFLICT, leaving one ballot and one participation', async () => {
    const org = await server.as('orgIn');
    const terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 1, prefix: 'Race' });
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    const { createCampaign: campaign } = await org.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
      {
        input: {
          regionId: globalId('Region', region.id),
          title: 'Race',
          titleZh: '并发',
          period: '2026',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          termIds: terms.map((id) => globalId('Term', id)),
        },
      },
    );
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: campaign.id });
    const [citizen] = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 1, prefix: 'racer' });
    const sessions = Array.from({ length: 5 }, () => citizen.client());
    const ballot = { campaignId: campaign.id, termId: globalId('Term', terms[0]), answers: answersOf(campaign.criteria, 'SATISFIED') };

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sessions[i % sessions.length].request<{ castBallot: { code: string } }>(
          `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`,
          { input: ballot },
        ),
      ),
    );
    const won = answers.filter((answer) => answer.errors.length === 0);
    const lost = answers
      .filter((answer) => answer.errors.length > 0)
      .map((answer) => [errorCode(answer), answer.errors[0].extensions?.reason]);
    expect(won).toHaveLength(1);
    expect(lost).toEqual(Array.from({ length: 99 }, () => ['CONFLICT', 'ALREADY_VOTED']));

    const id = uuidOf(campaign.id);
    const [counts] = await sql<{ ballots: number; participations: number; participants: number; entries: number }>(
      `select (select count(*)::int from ballot where campaign_id = ?) as ballots,
              (select count(*)::int from participation where campaign_id = ?) as participations,
              (select count(*)::int from campaign_participant where campaign_id = ?) as participants,
              (select count(*)::int from audit_entry where action = 'campaign.participate' and subject_id = ?) as entries`,
      [id, id, id, id],
    );
    expect(counts).toEqual({ ballots: 1, participations: 1, participants: 1, entries: 1 });
    const check = await server
      .client()
      .ok<{ ballotReceipt: { counted: boolean } }>(`query ($code: String!) { ballotReceipt(code: $code) { counted } }`, {
        code: won[0].data!.castBallot.code,
      });
    expect(check.ballotReceipt.counted).toBe(true);
  });
});
