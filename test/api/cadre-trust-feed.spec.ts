import { evaluation } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 10: published campaigns feed CADRE_TRUST of the harmony index (method CAMPAIGN, the campaigns
 * named as source), through harmony's own write: the audit log and the recomputation follow as after any
 * observation. Below k, nothing is fed; an entered value never replaces a campaigns' one; nobody can enter
 * method CAMPAIGN.
 */
const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const RECORD = 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id value method revision } }';
const IMPORT = 'mutation ($csv: String!) { importObservations(csv: $csv) { accepted written } }';
const SCORES = `query ($filter: AssessmentFilter) { assessments(first: 1, filter: $filter) { edges { node { index scores { code normalizedScore } } } } }`;
const OBSERVATIONS = `query ($filter: ObservationFilter) { observations(first: 5, filter: $filter) { edges { node {
  id value method source revision sourceCampaigns { id title } } } } }`;

interface Created {
  id: string;
  criteria: { code: string }[];
}
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
const reasonOf = (answer: GraphQLAnswer<unknown>) => [errorCode(answer), answer.errors[0]?.extensions?.reason ?? null];
const SCORE = new Map(evaluation.ANSWER_SCALES.PROVINCIAL_FOUR_STEP.steps.map((step) => [step.code, step.score]));

describe('CADRE_TRUST fed by published campaigns', () => {
  let server: TestServer;
  let org: ApiClient;
  let voters: FixtureCitizen[];
  let terms: string[];
  let countyId: string;
  let countyUuid: string;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  /** The county's CADRE_TRUST observation of the period, as stored. */
  const trustOf = async (period: string) =>
    (
      await sql<{ id: string; value: number; method: string; source: string | null; revision: number }>(
        `select o.id, o.value, o.method, o.source, o.revision from observation o join indicator i on i.id = o.indicator_id
          where o.region_id = ? and o.period = ? and i.code = 'CADRE_TRUST'`,
        [countyUuid, period],
      )
    )[0];

  /** The county's working assessment of the period, as its organization reads it. */
  const assessmentOf = async (period: string) =>
    (
      await org.ok<{
        assessments: { edges: { node: { index: number | null; scores: { code: string; normalizedScore: number | null }[] } }[] };
      }>(SCORES, { filter: { period, regionId: countyId } })
    ).assessments.edges[0]?.node;

  /**
   * A campaign of the county run to publication: `ballots[t]` lists the step every criterion gets on each
   * ballot for term t (one voter per ballot).
   */
  const publish = async (title: string, period: string, ballots: string[][], k = 5) => {
    const { createCampaign: campaign } = await org.ok<{ createCampaign: Created }>(CREATE, {
      input: {
        regionId: countyId,
        title,
        titleZh: `${title}（中文）`,
        period,
        opensAt: hours(-1),
        closesAt: hours(48),
        termIds: terms.map((id) => globalId('Term', id)),
        publicationThreshold: k,
      },
    });
    await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: campaign.id });
    for (const [t, steps] of ballots.entries()) {
      for (const [v, step] of steps.entries()) {
        await voters[v].client().ok(CAST, {
          input: { campaignId: campaign.id, termId: globalId('Term', terms[t]), answers: answersOf(campaign.criteria, step) },
        });
      }
    }
    await org.ok(`mutation ($id: ID!) { closeCampaign(id: $id) { id } }`, { id: campaign.id });
    await org.ok(`mutation ($id: ID!) { publishCampaign(id: $id) { id status } }`, { id: campaign.id });
    return campaign;
  };
  const mean = (steps: string[]) => steps.reduce((sum, step) => sum + SCORE.get(step)!, 0) / steps.length;

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.as('orgIn');
    const [county] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    countyUuid = county.id;
    countyId = globalId('Region', county.id);
    terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Trust' });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 8, prefix: 'trust' });
  });
  afterAll(() => server?.close());

  it('publishing writes the CAMPAIGN observation (the mean of the published ballots), audited, and the index recomputes from it', async () => {
    // An entered value of the county and period first: the campaigns' value supersedes it.
    await org.ok(RECORD, { input: { regionId: countyId, period: '2026-Q2', indicatorCode: 'CADRE_TRUST', value: 40, source: 'Survey' } });
    const entered = await trustOf('2026-Q2');
    expect(entered).toMatchObject({ value: 40, method: 'DIRECT' });
    const before = await assessmentOf('2026-Q2');
    // Term 0: six ballots (≥ k = 5) feed; term 1: two ballots (below k) feed nothing.
    const term0 = ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'];
    const campaign = await publish('Dongshan trust, spring', '2026-Q2', [term0, ['DISSATISFIED', 'DISSATISFIED']]);

    const fed = await trustOf('2026-Q2');
    expect(fed.method).toBe('CAMPAIGN');
    expect(fed.value).toBeCloseTo(mean(term0), 9);
    expect(fed.source).toBe('Evaluation campaign: Dongshan trust, spring (6 scored ballots)');
    // The entered value is superseded, and kept as a revision.
    expect(fed.revision).toBe(entered.revision + 1);
    const [kept] = await sql<{ value: number; method: string; source: string }>(
      'select value, method, source from observation_revision where observation_id = ? and revision = ?',
      [fed.id, entered.revision],
    );
    expect(kept).toEqual({ value: 40, method: 'DIRECT', source: 'Survey' });

    // The index: recomputed in the publication's transaction, CADRE_TRUST's score (0–100, goalposts 0 and 100) now the campaigns' value.
    const after = await assessmentOf('2026-Q2');
    expect(after.scores.find((s) => s.code === 'CADRE_TRUST')?.normalizedScore).toBeCloseTo(mean(term0), 6);
    expect(after.index).toBeGreaterThan(before!.index!);

    // The audit log: the observation's entry, by the publisher, in the publication's transaction.
    const audit = await sql<{ action: string; actor_label: string; after: { method: string; source: string } }>(
      `select action, actor_label, after from audit_entry where subject_id = ? order by occurred_at desc limit 1`,
      [fed.id],
    );
    expect(audit[0]).toMatchObject({
      action: 'observation.correct',
      actor_label: 'county@massline.demo',
      after: { method: 'CAMPAIGN', source: fed.source },
    });

    // The API names the campaign as the observation's source (the console links it).
    const { observations } = await org.ok<{
      observations: { edges: { node: { id: string; method: string; sourceCampaigns: { id: string; title: string }[] } }[] };
    }>(OBSERVATIONS, { filter: { regionId: countyId, period: '2026-Q2', indicatorCode: 'CADRE_TRUST' } });
    const node = observations.edges.map((edge) => edge.node).find((n) => n.method === 'CAMPAIGN');
    expect(node?.sourceCampaigns).toEqual([{ id: campaign.id, title: 'Dongshan trust, spring' }]);
  });

  it('pools a second campaign of the same region and period ballot by ballot, naming both', async () => {
    const first = await trustOf('2026-Q2');
    const term0 = ['DISSATISFIED', 'DISSATISFIED', 'DISSATISFIED', 'DISSATISFIED', 'DISSATISFIED'];
    const term1 = ['SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED'];
    await publish('Dongshan trust, summer', '2026-Q2', [term0, term1]);
    const pooled = await trustOf('2026-Q2');
    // 6 ballots of the first campaign (mean `first.value`), then 5 + 7 of the second: weighted by ballots.
    expect(pooled.value).toBeCloseTo((first.value * 6 + mean(term0) * 5 + mean(term1) * 7) / 18, 9);
    expect(pooled).toMatchObject({ method: 'CAMPAIGN', revision: first.revision + 1 });
    expect(pooled.source).toBe('Evaluation campaigns: Dongshan trust, spring; Dongshan trust, summer (18 scored ballots)');
  });

  it('a campaign below k feeds nothing: no observation, no audit entry, the index unchanged', async () => {
    const entered = await trustOf('2026-Q1');
    const before = await assessmentOf('2026-Q1');
    const audited = await sql<{ n: number }>(`select count(*)::int as n from audit_entry where action like 'observation.%'`);
    await publish('Dongshan trust, too few', '2026-Q1', [['SATISFIED', 'SATISFIED', 'SATISFIED'], ['SATISFIED']]);
    expect(await trustOf('2026-Q1')).toEqual(entered);
    expect((await assessmentOf('2026-Q1'))?.index).toBe(before?.index);
    expect(await sql<{ n: number }>(`select count(*)::int as n from audit_entry where action like 'observation.%'`)).toEqual(audited);
  });

  it("refuses an entered value over the campaigns' one, by form and by import, with CONFLICT", async () => {
    const fed = await trustOf('2026-Q2');
    const input = { regionId: countyId, period: '2026-Q2', indicatorCode: 'CADRE_TRUST', value: 12, source: 'by hand' };
    expect(reasonOf(await org.request(RECORD, { input }))).toEqual(['CONFLICT', 'OBSERVATION_FROM_CAMPAIGNS']);
    const csv = 'region_code,period,indicator,value\n880101,2026-Q2,CADRE_TRUST,12\n';
    expect(reasonOf(await org.request(IMPORT, { csv }))).toEqual(['CONFLICT', 'OBSERVATION_FROM_CAMPAIGNS']);
    expect(await trustOf('2026-Q2')).toEqual(fed);
    // Other indicators of the same region and period are entered as ever.
    const other = await org.ok<{ recordObservation: { method: string } }>(RECORD, {
      input: { ...input, indicatorCode: 'HOT_ISSUES', value: 50 },
    });
    expect(other.recordObservation.method).toBe('DIRECT');
  });

  it('nobody can enter method CAMPAIGN: the form and the import take no method', async () => {
    const input = { regionId: countyId, period: '2026-Q3', indicatorCode: 'CADRE_TRUST', value: 99, method: 'CAMPAIGN' };
    for (const actor of ['orgIn', 'orgRoot', 'auditor', 'citizen', 'anonymous'] as const) {
      const client = await server.as(actor);
      expect(errorCode(await client.request(RECORD, { input }))).toBe('BAD_USER_INPUT');
    }
    // A method column in a CSV is not one of the import's columns: the row is entered as DIRECT.
    const csv = 'region_code,period,indicator,value,method\n880101,2026-Q3,CADRE_TRUST,41,CAMPAIGN\n';
    expect((await org.ok<{ importObservations: { accepted: boolean } }>(IMPORT, { csv })).importObservations.accepted).toBe(true);
    expect(await trustOf('2026-Q3')).toMatchObject({ value: 41, method: 'DIRECT' });
  });
});
