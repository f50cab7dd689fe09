import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { answersOf, insertCampaign, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * "My participation": `campaigns(filter: { participated })` lists the campaigns the calling citizen took
 * part in (or did not), read from campaign_participant. Only a citizen takes part: for anyone else, true
 * lists nothing and false lists what they may read anyway.
 */
const LIST = `query ($filter: CampaignFilter) { campaigns(first: 50, filter: $filter) { totalCount edges { node { id title myParticipation } } } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;

type Page = { campaigns: { totalCount: number; edges: { node: { id: string; title: string; myParticipation: boolean | null } }[] } };

describe('campaigns: the participated filter', () => {
  let server: TestServer;
  let voters: FixtureCitizen[];
  let voted: string;
  let skipped: string;
  let closed: string;

  const ids = async (client: ApiClient, filter: Record<string, unknown>) =>
    (await client.ok<Page>(LIST, { filter })).campaigns.edges.map((edge) => uuidOf(edge.node.id)).sort();

  beforeAll(async () => {
    server = await startTestServer();
    const terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Took part' });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 2, prefix: 'participant' });
    const campaign = await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds: terms, title: 'Voted in' });
    voted = campaign.id;
    skipped = (await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds: terms, title: 'Not voted in' })).id;
    closed = (await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'CLOSED', termIds: terms, title: 'Closed' })).id;
    // The first voter evaluates both cadres of one campaign: one participation, however many ballots.
    for (const term of terms) {
      await voters[0].client().ok(CAST, {
        input: {
          campaignId: globalId('Campaign', voted),
          termId: globalId('Term', term),
          answers: answersOf(campaign.criteria, 'SATISFIED'),
        },
      });
    }
  });
  afterAll(() => server?.close());

  it('lists a citizen only the campaigns they took part in, or only the others', async () => {
    const voter = voters[0].client();
    expect(await ids(voter, { participated: true })).toEqual([voted]);
    const page = await voter.ok<Page>(LIST, { filter: { participated: true } });
    expect(page.campaigns.totalCount).toBe(1);
    expect(page.campaigns.edges[0].node.myParticipation).toBe(true);
    const others = await ids(voter, { participated: false });
    expect(others).toEqual(expect.arrayContaining([skipped, closed].sort()));
    expect(others).not.toContain(voted);
    // With the other conditions: only the open ones they took part in.
    expect(await ids(voter, { participated: true, status: 'CLOSED' })).toEqual([]);
    expect(await ids(voter, { participated: true, status: 'OPEN' })).toEqual([voted]);
  });

  it('is about the caller: another citizen of the region took part in nothing', async () => {
    const other = voters[1].client();
    expect(await ids(other, { participated: true })).toEqual([]);
    expect(await ids(other, { participated: false })).toEqual(await ids(other, {}));
  });

  it('lists nothing as "participated" to anyone who is not a citizen, and for false what they read anyway', async () => {
    for (const actor of ['orgIn', 'orgRoot', 'auditor', 'anonymous'] as const) {
      const client = await server.as(actor);
      expect(await ids(client, { participated: true })).toEqual([]);
      expect(await ids(client, { participated: false })).toEqual(await ids(client, {}));
    }
    // The organization of the region reads the three campaigns: false does not hide them.
    expect(await ids(await server.as('orgIn'), { participated: false })).toEqual(expect.arrayContaining([voted, skipped, closed]));
  });
});
