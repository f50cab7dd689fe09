import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as run } from '../../server/src/common/sql';
import type { ApiClient } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The sweep (the job each server runs every minute, run by hand here): the "closing tomorrow" reminder,
 * once, to the residents who have not evaluated every cadre; and the close of campaigns past their
 * closing time, shuffled and tallied in the close transaction.
 */
describe('evaluation: the sweep', () => {
  let server: TestServer;
  let org: ApiClient;
  let terms: string[];
  let voters: FixtureCitizen[];
  let regionId: string;
  const sql = <T>(text: string, params: unknown[] = []) => run<T>(server.ownerOrm.em.fork(), text, params);
  const sweep = () => server.app.runJob('evaluation.sweep') as Promise<{ closed: string[]; reminded: string[] }>;

  async function openCampaign(closesInHours: number) {
    const { createCampaign } = await org.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
      {
        input: {
          regionId,
          title: 'Sweep',
          titleZh: '巡检',
          period: '2026',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + closesInHours * 3_600_000).toISOString(),
          termIds: terms.map((id) => globalId('Term', id)),
          publicationThreshold: 5,
        },
      },
    );
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: createCampaign.id });
    return createCampaign;
  }
  const vote = (voter: FixtureCitizen, campaign: { id: string; criteria: { code: string }[] }, termId: string) =>
    voter.client().ok(`mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`, {
      input: { campaignId: campaign.id, termId: globalId('Term', termId), answers: answersOf(campaign.criteria, 'BASICALLY_SATISFIED') },
    });

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.as('orgIn');
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    regionId = globalId('Region', region.id);
    terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Sweep' });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 6, prefix: 'sweep-voter' });
  });
  afterAll(() => server?.close());

  it('reminds once, a day before the close, the residents who have not evaluated every cadre', async () => {
    const later = await openCampaign(72);
    const soon = await openCampaign(20);
    // Two voters evaluated both cadres, one only the first.
    for (const voter of voters.slice(0, 2)) for (const termId of terms) await vote(voter, soon, termId);
    await vote(voters[2], soon, terms[0]);

    const first = await sweep();
    expect(first.reminded).toEqual([uuidOf(soon.id)]);
    expect(first.closed).toEqual([]);
    const reminded = await sql<{ userId: string }>(
      `select user_id as "userId" from notification where subject_id = ? and kind = 'CAMPAIGN_CLOSING'`,
      [uuidOf(soon.id)],
    );
    const [eligible] = await sql<{ n: number }>(
      `select count(*)::int as n from app_user u join region r on r.id = u.region_id
        where u.role = 'CITIZEN' and u.citizen_status = 'VERIFIED' and u.active and r.path like '/88/8801/880101/%'`,
    );
    expect(reminded).toHaveLength(eligible.n - 2);
    const remindedIds = reminded.map((row) => row.userId);
    expect(remindedIds).not.toContain(voters[0].id);
    expect(remindedIds).not.toContain(voters[1].id);
    expect(remindedIds).toContain(voters[2].id);
    expect(remindedIds).toContain(voters[3].id);

    // Once: the next sweep sends nothing more, and the later campaign is not due yet.
    expect((await sweep()).reminded).toEqual([]);
    const [count] = await sql<{ n: number }>(
      `select count(*)::int as n from notification where kind = 'CAMPAIGN_CLOSING' and subject_id = any(?::uuid[])`,
      [[uuidOf(soon.id), uuidOf(later.id)]],
    );
    expect(count.n).toBe(eligible.n - 2);
    const audit = await sql<{ after: { notified: number } }>(
      `select after from audit_entry where action = 'campaign.remind' and subject_id = ?`,
      [uuidOf(soon.id)],
    );
    expect(audit).toEqual([{ after: { notified: eligible.n - 2 } }]);
  });

  it('closes a campaign past its closing time: ballots refused, shuffled and tallied', async () => {
    const campaign = await openCampaign(48);
    for (const voter of voters.slice(0, 5)) await vote(voter, campaign, terms[0]);
    await sql(`update campaign set closes_at = now() - interval '1 minute' where id = ?`, [uuidOf(campaign.id)]);
    // Past its time, a ballot is refused even before the sweep has closed it.
    const late = await voters[5].client().request(`mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`, {
      input: { campaignId: campaign.id, termId: globalId('Term', terms[0]), answers: answersOf(campaign.criteria, 'SATISFIED') },
    });
    expect(late.errors[0]?.extensions?.reason).toBe('CAMPAIGN_NOT_OPEN');

    const { closed } = await sweep();
    expect(closed).toEqual([uuidOf(campaign.id)]);
    const [state] = await sql<{ status: string; xmins: number }>(
      `select c.status, (select count(distinct xmin::text)::int from ballot b where b.campaign_id = c.id) as xmins from campaign c where c.id = ?`,
      [uuidOf(campaign.id)],
    );
    expect(state).toEqual({ status: 'CLOSED', xmins: 1 });
    const { campaign: results } = await org.ok<{ campaign: { results: { ballots: number; published: boolean }[] } }>(
      `query ($id: ID!) { campaign(id: $id) { results { ballots published } } }`,
      { id: campaign.id },
    );
    expect(results.results).toEqual([
      { ballots: 5, published: true },
      { ballots: 0, published: false },
    ]);
    const audit = await sql<{ actor: string }>(
      `select actor_label as actor from audit_entry where action = 'campaign.close' and subject_id = ?`,
      [uuidOf(campaign.id)],
    );
    expect(audit).toEqual([{ actor: 'system: evaluation.sweep' }]);
    expect((await sweep()).closed).toEqual([]);
  });
});
