import { evaluation, reviews } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/common/sql';
import type { ApiClient } from '../support/api-client';
import { uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

const CAMPAIGNS = `{ campaigns(first: 50, filter: { status: PUBLISHED }) { edges { node {
  id title period publicationThreshold region { id code } terms { id } } } } }`;
const RESULTS = `query ($id: ID!) { campaign(id: $id) { results { term { id } ballots overall { mean n } } } }`;
const OBSERVATIONS = `query ($filter: ObservationFilter) { observations(first: 5, filter: $filter) { edges { node {
  id value method source revision enteredByLabel sourceCampaigns { id title } } } } }`;
const REVISIONS = `query ($id: ID!) { observationRevisions(observationId: $id) { revision value method source } }`;
const ASSESSMENT = `query ($filter: AssessmentFilter) { assessments(first: 1, filter: $filter) { edges { node {
  index published pendingRevision release { revision } scores { code normalizedScore } } } } }`;
const VERDICTS = `query ($ts: [ID!]!) { verdicts(termIds: $ts) { term { id grant { id bodyName bodyKind organizationId } }
  grade uncertain score flags { code } } }`;
const ALERTS = `{ reviewAlerts(first: 50) { totalCount edges { node {
  term { id } organizationId addressee bodyName bodyKind grade score flags status } } } }`;

interface DemoCampaign {
  id: string;
  title: string;
  period: string;
  publicationThreshold: number;
  region: { id: string; code: string };
  terms: { id: string }[];
}
interface TermResult {
  term: { id: string };
  ballots: number;
  overall: { mean: number; n: number } | null;
}
interface ObservationRow {
  id: string;
  value: number;
  method: string;
  source: string | null;
  revision: number;
  enteredByLabel: string | null;
  sourceCampaigns: { id: string; title: string }[];
}
interface AssessmentRow {
  index: number | null;
  published: boolean;
  pendingRevision: boolean;
  release: { revision: number } | null;
  scores: { code: string; normalizedScore: number | null }[];
}
interface VerdictRow {
  term: { id: string; grant: { id: string; bodyName: string; bodyKind: string; organizationId: string } | null };
  grade: evaluation.CadreGradeCode;
  uncertain: boolean;
  score: number;
  flags: { code: string }[];
}
interface AlertRow {
  term: { id: string };
  organizationId: string;
  addressee: string;
  bodyName: string | null;
  bodyKind: string | null;
  grade: string;
  score: number;
  flags: string[];
  status: string;
}

/**
 * The demo is what the modules would have made of it (evaluation.demo-seed.ts, reviews.demo-seed.ts):
 * its published campaigns fed CADRE_TRUST of their regions and quarters through harmony's own write, the
 * index was recomputed from them before the quarters were released, and its incompetent verdicts raised
 * review alerts addressed to the bodies that granted the terms — and nothing else did.
 */
describe('the demo derives what a real publication derives', () => {
  let server: TestServer;
  let province: ApiClient;
  let campaigns: DemoCampaign[];
  const sql$ = <T>(text: string, params: unknown[] = []) => sql<T>(server.ownerOrm.em.fork(), text, params);

  beforeAll(async () => {
    server = await startTestServer();
    province = await server.as('orgRoot');
    campaigns = (await province.ok<{ campaigns: { edges: { node: DemoCampaign }[] } }>(CAMPAIGNS)).campaigns.edges.map((e) => e.node);
  });
  afterAll(() => server?.close());

  it("feeds CADRE_TRUST (method CAMPAIGN) of each published campaign's region and quarter with shared's cadreTrustOf of the tallies", async () => {
    const keys = new Map<string, DemoCampaign[]>();
    for (const campaign of campaigns) {
      const key = `${campaign.region.code}|${campaign.period}`;
      keys.set(key, [...(keys.get(key) ?? []), campaign]);
    }
    expect(new Set(keys.keys())).toEqual(new Set(['8801|2025-Q4', '880103|2025-Q4', '880103|2026-Q3', '880401|2025-Q4']));
    for (const [key, fed] of keys) {
      // The tallies as the public reads them: a published cadre's overall mean is the mean of its ballots' means.
      const tallies: evaluation.CampaignTrustTally[] = [];
      for (const campaign of fed) {
        const { campaign: read } = await server.client().ok<{ campaign: { results: TermResult[] } }>(RESULTS, { id: campaign.id });
        tallies.push({
          campaignId: campaign.id,
          publicationThreshold: campaign.publicationThreshold,
          terms: read.results.map((result) => ({
            ballots: result.ballots,
            ballotMeans: result.overall
              ? { n: result.overall.n, sum: result.overall.mean * result.overall.n, sumOfSquares: 0 }
              : { n: 0, sum: 0, sumOfSquares: 0 },
          })),
        });
      }
      const trust = evaluation.cadreTrustOf(tallies)!;
      expect(trust.campaignIds).toEqual(fed.map((campaign) => campaign.id));
      const { observations } = await province.ok<{ observations: { edges: { node: ObservationRow }[] } }>(OBSERVATIONS, {
        filter: { regionId: fed[0].region.id, period: fed[0].period, indicatorCode: 'CADRE_TRUST' },
      });
      expect(observations.edges).toHaveLength(1);
      const observation = observations.edges[0].node;
      expect({ key, method: observation.method }).toEqual({ key, method: 'CAMPAIGN' });
      expect(observation.value).toBeCloseTo(trust.value, 6);
      expect(observation.source).toBe(`Evaluation campaign: ${fed.map((c) => c.title).join('; ')} (${trust.ballots} scored ballots)`);
      expect(observation.sourceCampaigns).toEqual(fed.map(({ id, title }) => ({ id, title })));
      // The survey value the seed had entered is superseded, kept as the first revision.
      expect(observation.revision).toBe(2);
      const { observationRevisions } = await province.ok<{ observationRevisions: { revision: number; method: string }[] }>(REVISIONS, {
        id: observation.id,
      });
      expect(observationRevisions.map(({ revision, method }) => ({ revision, method }))).toEqual([{ revision: 1, method: 'DIRECT' }]);

      // The index: recomputed from it (CADRE_TRUST's goalposts are 0 and 100), and what the public sees of a
      // released quarter is that computation, released after the feed — no revision pending.
      for (const reader of [province, server.client()]) {
        const { assessments } = await reader.ok<{ assessments: { edges: { node: AssessmentRow }[] } }>(ASSESSMENT, {
          filter: { regionId: fed[0].region.id, period: fed[0].period },
        });
        const assessment = assessments.edges[0]?.node;
        if (reader !== province && fed[0].period === '2026-Q3') {
          // The demo's last quarter waits for an organization to publish it.
          expect(assessment).toBeUndefined();
          continue;
        }
        expect(assessment.index).not.toBeNull();
        expect(assessment.scores.find((score) => score.code === 'CADRE_TRUST')?.normalizedScore).toBeCloseTo(trust.value, 6);
        expect(assessment.pendingRevision).toBe(false);
        expect(assessment.release?.revision ?? null).toBe(fed[0].period === '2026-Q3' ? null : 1);
      }
    }
    // Nowhere else: no other region or period has a value from campaigns.
    const [fedRows] = await sql$<{ n: number }>(`select count(*)::int as n from observation where method = 'CAMPAIGN'`);
    expect(fedRows.n).toBe(keys.size);
    // Audited as any observation's correction, by the demo.
    const audited = await sql$<{ actor_label: string; method: string }>(
      `select actor_label, after->>'method' as method from audit_entry where action = 'observation.correct'`,
    );
    expect(audited).toEqual([...keys.keys()].map(() => ({ actor_label: 'demo@massline.demo', method: 'CAMPAIGN' })));
  });

  it('raises a review alert for each incompetent verdict, addressed to the organization of its grant, and none for the others', async () => {
    const termIds = [...new Set(campaigns.flatMap((campaign) => campaign.terms.map((term) => term.id)))];
    const { verdicts } = await province.ok<{ verdicts: (VerdictRow | null)[] }>(VERDICTS, { ts: termIds });
    const reached = verdicts.filter((verdict): verdict is VerdictRow => verdict !== null);
    const incompetent = reached.filter((verdict) => reviews.raisesReview(verdict));
    expect(incompetent.length).toBeGreaterThanOrEqual(1);
    expect(reached.length).toBeGreaterThan(incompetent.length);

    const raised = await sql$<{ term_id: string; organization_id: string }>('select term_id, organization_id from review_alert');
    expect(raised.map((row) => row.term_id).sort()).toEqual(incompetent.map((verdict) => uuidOf(verdict.term.id)).sort());
    // Each addressed to the organization that recorded the term's grant, on behalf of its granting body; that
    // organization reads it with the verdict's figures.
    const { reviewAlerts } = await province.ok<{ reviewAlerts: { totalCount: number; edges: { node: AlertRow }[] } }>(ALERTS);
    for (const verdict of incompetent) {
      const { grant } = verdict.term;
      expect(grant).not.toBeNull();
      const addressed = reviewAlerts.edges.map((edge) => edge.node).find((alert) => alert.term.id === verdict.term.id);
      expect(addressed).toEqual({
        term: { id: verdict.term.id },
        organizationId: grant!.organizationId,
        addressee: 'GRANTING_BODY',
        bodyName: grant!.bodyName,
        bodyKind: grant!.bodyKind,
        grade: 'INCOMPETENT',
        score: verdict.score,
        flags: verdict.flags.map((flag) => flag.code),
        status: 'OPEN',
      });
    }
    // The province's organization recorded the grants of every evaluated term (Dongshan's staff record their own,
    // and Dongshan's campaign is a draft): it reads these alerts and no other; Dongshan's staff read none.
    expect(reviewAlerts.totalCount).toBe(incompetent.length);
    expect(new Set(raised.map((row) => row.organization_id)).size).toBe(1);
    const county = await server.as('orgIn');
    expect((await county.ok<{ reviewAlerts: { totalCount: number } }>(ALERTS)).reviewAlerts.totalCount).toBe(0);
    const [audited] = await sql$<{ n: number }>(
      `select count(*)::int as n from audit_entry where action = 'review-alert.raise' and actor_label = 'demo@massline.demo'`,
    );
    expect(audited.n).toBe(incompetent.length);
  });
});
