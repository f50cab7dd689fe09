import { evaluation } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/common/sql';
import { DEMO_RECEIPT_CODE } from '../../server/src/modules/evaluation/evaluation.demo-seed';
import type { ApiClient } from '../support/api-client';
import { answersOf } from '../support/evaluation-fixtures';
import { uuidOf } from '../support/global-id';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const CAMPAIGNS = `{ campaigns(first: 50) { totalCount edges { node {
  id title period status publicationThreshold actions region { code } terms { id }
  turnout { ballots participants eligible } } } } }`;
const RESULTS = `query ($id: ID!) { campaign(id: $id) { status results {
  term { id } ballots published overall { mean low high n } criteria { code mean low high n dontKnow } comments } } }`;
const VERDICTS = `query ($ts: [ID!]!) { verdicts(termIds: $ts) {
  term { id post { title } } score low high grade uncertain mass { mean low high n }
  flags { code figures { name value } thresholds { name value } } } }`;
const MINE = `query { myCampaigns { id status region { code } myParticipation myVotes { term { id } voted } criteria { code } } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const RECEIPT = `query ($code: String!) { ballotReceipt(code: $code) { counted campaign { id title } } }`;
const PARTICIPATED = `query ($id: ID!) { campaign(id: $id) { myParticipation } }`;

interface DemoCampaign {
  id: string;
  title: string;
  period: string;
  status: evaluation.CampaignStatus;
  publicationThreshold: number;
  actions: string[];
  region: { code: string };
  terms: { id: string }[];
  turnout: { ballots: number; participants: number; eligible: number };
}

interface TermResult {
  term: { id: string };
  ballots: number;
  published: boolean;
  overall: { mean: number; low: number; high: number; n: number } | null;
  criteria: { code: string; mean: number | null; low: number | null; high: number | null; n: number; dontKnow: number }[];
  comments: string[] | null;
}

interface VerdictRow {
  term: { id: string; post: { title: string } };
  score: number;
  low: number;
  high: number;
  grade: string;
  uncertain: boolean;
  mass: { mean: number; low: number; high: number; n: number };
  flags: { code: string; figures: { name: string; value: number | null }[]; thresholds: { name: string; value: number | null }[] }[];
}

/**
 * What the demo shows of mechanism 2 (evaluation.demo-seed.ts, appraisal.demo-seed.ts), as the README
 * tells it: two rounds of campaigns, published results with their intervals (one cadre below k), the
 * verdicts' four tendency flags and an uncertain grade, an open campaign the README's citizen can vote in,
 * a draft the county's staff can open — and ballots written as the module writes them.
 */
describe('the demo of mechanism 2', () => {
  let server: TestServer;
  let province: ApiClient;
  let anonymous: ApiClient;
  let campaigns: DemoCampaign[];
  const sql$ = <T>(text: string, params: unknown[] = []) => sql<T>(server.ownerOrm.em.fork(), text, params);
  /** A round's campaigns of a status (a round evaluates a quarter of its year: 2025-Q4, 2026-Q3). */
  const inRound = (year: string, campaign: DemoCampaign) => campaign.period.startsWith(`${year}-`);
  const byStatus = (year: string, status: evaluation.CampaignStatus) =>
    campaigns.filter((campaign) => inRound(year, campaign) && campaign.status === status);

  beforeAll(async () => {
    server = await startTestServer();
    province = await server.as('orgRoot');
    anonymous = server.client();
    campaigns = (await province.ok<{ campaigns: { edges: { node: DemoCampaign }[] } }>(CAMPAIGNS)).campaigns.edges.map((e) => e.node);
  });
  afterAll(() => server?.close());

  it('holds two rounds: 2025 published; 2026 published, closed awaiting publication, open and a draft', () => {
    expect(byStatus('2025', 'PUBLISHED').length).toBeGreaterThanOrEqual(3);
    expect(campaigns.filter((campaign) => inRound('2025', campaign) && campaign.status !== 'PUBLISHED')).toEqual([]);
    expect(new Set(campaigns.map((campaign) => campaign.period))).toEqual(new Set(['2025-Q4', '2026-Q3']));
    for (const status of ['PUBLISHED', 'CLOSED', 'OPEN', 'DRAFT'] as const)
      expect(byStatus('2026', status).length).toBeGreaterThanOrEqual(1);
    expect(new Set(campaigns.map((campaign) => campaign.region.code)).size).toBeGreaterThanOrEqual(3);
    // The province's staff may publish the closed one; nothing is left to do with a published one.
    expect(byStatus('2026', 'CLOSED')[0].actions).toEqual(['PUBLISH']);
    expect(byStatus('2025', 'PUBLISHED')[0].actions).toEqual([]);
    // Turnout: citizens who took part against the verified residents who could.
    for (const campaign of campaigns.filter((c) => c.status !== 'DRAFT')) {
      expect(campaign.turnout.participants).toBeGreaterThan(30);
      expect(campaign.turnout.participants).toBeLessThan(campaign.turnout.eligible);
      expect(campaign.turnout.ballots).toBeGreaterThan(campaign.turnout.participants);
    }
  });

  it('stores exactly one ballot per participation record, per campaign and cadre, and tallies every ballot at close', async () => {
    const rows = await sql$<{
      campaign: string;
      term: string;
      status: string;
      ballots: number;
      participations: number;
      tallied: number | null;
    }>(
      `select c.id as campaign, ct.term_id as term, c.status,
              (select count(*)::int from ballot b where b.campaign_id = c.id and b.term_id = ct.term_id) as ballots,
              (select count(*)::int from participation p where p.campaign_id = c.id and p.term_id = ct.term_id) as participations,
              (select r.ballots from campaign_term_result r where r.campaign_id = c.id and r.term_id = ct.term_id) as tallied
         from campaign c join campaign_term ct on ct.campaign_id = c.id`,
    );
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row.ballots).toBe(row.participations);
      expect(row.tallied).toBe(row.status === 'CLOSED' || row.status === 'PUBLISHED' ? row.ballots : null);
    }
    const total = rows.reduce((sum, row) => sum + row.ballots, 0);
    expect(total).toBeGreaterThan(2000);
    // Each participant once per campaign, and every participant a verified citizen of the campaign's region.
    const [strangers] = await sql$<{ n: number }>(
      `select count(*)::int as n from campaign_participant p join campaign c on c.id = p.campaign_id join region cr on cr.id = c.region_id
         join app_user u on u.id = p.user_id join region ur on ur.id = u.region_id
        where not (u.role = 'CITIZEN' and u.citizen_status = 'VERIFIED' and ur.path like cr.path || '%')`,
    );
    expect(strangers.n).toBe(0);
  });

  it('publishes results with 95 % intervals, "don\'t know" answers and comments; one cadre below k shows only the count', async () => {
    const results: TermResult[] = [];
    for (const campaign of campaigns.filter((c) => c.status === 'PUBLISHED')) {
      const { campaign: read } = await anonymous.ok<{ campaign: { results: TermResult[] } }>(RESULTS, { id: campaign.id });
      expect(read.results).toHaveLength(campaign.terms.length);
      results.push(...read.results);
      for (const result of read.results) {
        expect(result.published).toBe(result.ballots >= campaign.publicationThreshold);
        expect(result.comments).toBeNull();
      }
    }
    const shown = results.filter((result) => result.published);
    const hidden = results.filter((result) => !result.published);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(shown.length).toBeGreaterThan(hidden.length * 5);
    for (const result of hidden) {
      expect(result.ballots).toBeGreaterThan(0);
      expect(result.ballots).toBeLessThan(evaluation.DEFAULT_PUBLICATION_THRESHOLD);
      expect(result.overall).toBeNull();
      expect(result.criteria).toEqual([]);
    }
    for (const { overall, criteria } of shown) {
      expect(overall!.low).toBeLessThan(overall!.mean);
      expect(overall!.high).toBeGreaterThan(overall!.mean);
      expect(criteria.map((criterion) => criterion.code)).toEqual(evaluation.DEFAULT_CRITERIA.map((criterion) => criterion.code));
    }
    // Spread: some cadres well liked, some not.
    const means = shown.map((result) => result.overall!.mean);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(25);
    expect(shown.some((result) => result.criteria.some((criterion) => criterion.dontKnow > 0))).toBe(true);

    // The organization reads the comments of a published campaign (random order, from k ballots).
    const { campaign } = await province.ok<{ campaign: { results: TermResult[] } }>(RESULTS, { id: byStatus('2025', 'PUBLISHED')[0].id });
    expect(campaign.results.flatMap((result) => result.comments ?? []).length).toBeGreaterThan(0);
    // The closed one is not public yet.
    const closed = await anonymous.request<{ campaign: { results: TermResult[] | null } | null }>(RESULTS, {
      id: byStatus('2026', 'CLOSED')[0].id,
    });
    expect(closed.data?.campaign?.results ?? null).toBeNull();
  });

  it('reaches verdicts that raise each tendency flag, with figures and thresholds, an uncertain grade, and cadres without a flag', async () => {
    const termIds = [...new Set(campaigns.filter((c) => c.status === 'PUBLISHED').flatMap((c) => c.terms.map((term) => term.id)))];
    const { verdicts } = await province.ok<{ verdicts: (VerdictRow | null)[] }>(VERDICTS, { ts: termIds });
    const reached = verdicts.filter((verdict): verdict is VerdictRow => verdict !== null);
    expect(reached.length).toBeGreaterThanOrEqual(10);
    for (const code of evaluation.TENDENCY_FLAGS) {
      const flagged = reached.filter((verdict) => verdict.flags.some((flag) => flag.code === code));
      expect({ code, flagged: flagged.length > 0 }).toEqual({ code, flagged: true });
      for (const flag of flagged.flatMap((verdict) => verdict.flags.filter((f) => f.code === code))) {
        expect(flag.figures.length).toBeGreaterThan(0);
        expect(flag.thresholds.length).toBeGreaterThan(0);
      }
    }
    // GDP-oriented needs a growth figure: the inspection recorded one.
    const gdp = reached.find((verdict) => verdict.flags.some((flag) => flag.code === 'GDP_ORIENTED'))!;
    const growth = gdp.flags.find((flag) => flag.code === 'GDP_ORIENTED')!.figures.find((figure) => figure.name === 'reportedGrowth');
    expect(growth?.value).toBeGreaterThanOrEqual(evaluation.DEFAULT_VERDICT_SETTINGS.gdpGrowth);
    const uncertain = reached.filter((verdict) => verdict.uncertain);
    expect(uncertain.length).toBeGreaterThanOrEqual(1);
    for (const verdict of uncertain) {
      const boundaries = evaluation.DEFAULT_VERDICT_SETTINGS.bands.map((band) => band.minimum).filter((minimum) => minimum > 0);
      expect(boundaries.some((boundary) => verdict.low < boundary && boundary <= verdict.high)).toBe(true);
    }
    expect(reached.filter((verdict) => verdict.flags.length === 0 && !verdict.uncertain).length).toBeGreaterThanOrEqual(3);
  });

  it("lets the README's citizen vote in the open campaign of their city, once per cadre; the newcomer is not verified yet", async () => {
    const open = byStatus('2026', 'OPEN')[0];
    const citizen = await server.as('citizen');
    const { myCampaigns } = await citizen.ok<{
      myCampaigns: {
        id: string;
        myParticipation: boolean;
        myVotes: { term: { id: string }; voted: boolean }[];
        criteria: { code: string }[];
      }[];
    }>(MINE);
    const mine = myCampaigns.find((campaign) => campaign.id === open.id)!;
    expect(mine.myParticipation).toBe(false);
    expect(mine.myVotes.map((vote) => vote.voted)).toEqual(open.terms.map(() => false));

    const input = { campaignId: open.id, termId: open.terms[0].id, answers: answersOf(mine.criteria, 'BASICALLY_SATISFIED') };
    const { castBallot } = await citizen.ok<{ castBallot: { code: string } }>(CAST, { input });
    const again = await citizen.request(CAST, { input });
    expect(again.errors[0]?.extensions?.reason).toBe('ALREADY_VOTED');
    const check = await citizen.ok<{ ballotReceipt: { counted: boolean; campaign: { id: string } | null } }>(RECEIPT, {
      code: castBallot.code,
    });
    expect(check.ballotReceipt).toMatchObject({ counted: true, campaign: { id: open.id } });
    const after = (await province.ok<{ campaigns: { edges: { node: DemoCampaign }[] } }>(CAMPAIGNS)).campaigns.edges.find(
      (edge) => edge.node.id === open.id,
    )!.node;
    expect(after.turnout.ballots).toBe(open.turnout.ballots + 1);
    expect(after.turnout.participants).toBe(open.turnout.participants + 1);

    const newcomer = await server.client().signIn('newcomer@massline.demo', DEMO_PASSWORD);
    const refused = await newcomer.request(CAST, { input });
    expect(refused.errors[0]?.extensions?.reason).toBe('NOT_VERIFIED');
  });

  it("shows the README's citizen their part in the first round, and the documented receipt as counted to anyone", async () => {
    const first = campaigns.find((campaign) => inRound('2025', campaign) && campaign.region.code === '8801')!;
    const citizen = await server.as('citizen');
    expect((await citizen.ok<{ campaign: { myParticipation: boolean } }>(PARTICIPATED, { id: first.id })).campaign.myParticipation).toBe(
      true,
    );
    const check = await anonymous.ok<{ ballotReceipt: { counted: boolean; campaign: { id: string; title: string } | null } }>(RECEIPT, {
      code: evaluation.formatReceiptCode(DEMO_RECEIPT_CODE),
    });
    expect(check.ballotReceipt).toEqual({ counted: true, campaign: { id: first.id, title: first.title } });
  });

  it("lets the county's staff open the draft of their county", async () => {
    const draft = byStatus('2026', 'DRAFT')[0];
    expect(draft.region.code).toBe('880101');
    const county = await server.as('orgIn');
    const { openCampaign } = await county.ok<{ openCampaign: { status: string } }>(
      `mutation ($id: ID!) { openCampaign(id: $id) { status } }`,
      { id: draft.id },
    );
    expect(openCampaign.status).toBe('OPEN');
    const [told] = await sql$<{ n: number }>(`select count(*)::int as n from notification where subject_id = ?`, [uuidOf(draft.id)]);
    expect(told.n).toBeGreaterThanOrEqual(1);
  });
});
