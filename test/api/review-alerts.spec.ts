import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { answersOf, insertCampaign, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { GrantsFixtures } from '../support/grants-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { ACTIVATE_VERDICT_SETTINGS, CREATE_VERDICT_SETTINGS, verdictSettingsInput } from '../support/verdict-settings-fixtures';

const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const CLOSE = `mutation ($id: ID!) { closeCampaign(id: $id) { status } }`;
const PUBLISH = `mutation ($id: ID!) { publishCampaign(id: $id) { status } }`;
const AUDIT = `mutation ($input: RecordSpecialAuditInput!) { recordSpecialAudit(input: $input) { id } }`;
const INSPECT = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
const ALERTS = `query ($status: ReviewAlertStatus) { reviewAlerts(first: 50, filter: { status: $status }) { totalCount edges { node {
  id organizationId addressee bodyName bodyKind settingsVersion score low high grade flags status resolutionNote
  term { id } cadre { id name } region { code } } } } }`;
const RESOLVE = `mutation ($id: ID!, $note: String!) { resolveReviewAlert(id: $id, note: $note) { id status resolvedBy resolutionNote } }`;

interface AlertView {
  id: string;
  organizationId: string;
  addressee: string;
  bodyName: string | null;
  bodyKind: string | null;
  settingsVersion: number;
  score: number;
  low: number;
  high: number;
  grade: string;
  flags: string[];
  status: string;
  resolutionNote: string | null;
  term: { id: string };
  cadre: { id: string; name: string };
  region: { code: string };
}

describe('review alerts: an incompetent verdict calls the granting body to review the power it gave', () => {
  let server: TestServer;
  let county: ApiClient;
  let grantedTerm: string;
  let grantedCadre: string;
  let countyOrganization: string;
  let plainTerm: string;
  let competentTerm: string;

  const alertsOf = async (client: ApiClient, status?: string) =>
    (await client.ok<{ reviewAlerts: { totalCount: number; edges: { node: AlertView }[] } }>(ALERTS, { status })).reviewAlerts;
  const inspect = (client: ApiClient, termId: string, score: number) =>
    client.request(INSPECT, {
      input: { termId, score, findings: 'Review inspection', inspector: 'Team C', inspectedOn: new Date().toISOString().slice(0, 10) },
    });

  beforeAll(async () => {
    server = await startTestServer();
    county = await server.as('orgIn');
    const dongshan = await county.regionId('880101');
    const grants = new GrantsFixtures(county);
    const grantId = await grants.inEffect(dongshan);
    const { grant } = await county.ok<{ grant: { organizationId: string; term: { id: string; cadre: { id: string } } } }>(
      'query ($id: ID!) { grant(id: $id) { organizationId term { id cadre { id } } } }',
      { id: grantId },
    );
    grantedTerm = grant.term.id;
    grantedCadre = grant.term.cadre.id;
    countyOrganization = grant.organizationId;
    const [plain, competent] = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Review' });
    plainTerm = globalId('Term', plain);
    competentTerm = globalId('Term', competent);
    const termIds = [uuidOf(grantedTerm), plain, competent];
    const campaign = await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds, title: 'Review round' });
    const voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 32, prefix: 'review-voter' });
    // Every voter dissatisfied with the granted and the plain term (an asserted "incompetent"), satisfied with the third.
    for (const [termId, step] of [
      [grantedTerm, 'DISSATISFIED'],
      [plainTerm, 'DISSATISFIED'],
      [competentTerm, 'SATISFIED'],
    ] as const) {
      await Promise.all(
        voters.map((voter) =>
          voter.client().ok(CAST, {
            input: { campaignId: globalId('Campaign', campaign.id), termId, answers: answersOf(campaign.criteria, step) },
          }),
        ),
      );
    }
    await county.ok(CLOSE, { id: globalId('Campaign', campaign.id) });
    // Closed, not published: no verdict yet, so no alert.
    expect((await alertsOf(county)).totalCount).toBe(0);
    await county.ok(PUBLISH, { id: globalId('Campaign', campaign.id) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('publishing the campaign raises one alert per incompetent term, addressed to the granting body through its organization', async () => {
    const alerts = await alertsOf(county);
    expect(alerts.totalCount).toBe(2);
    const granted = alerts.edges.map((edge) => edge.node).find((alert) => alert.term.id === grantedTerm)!;
    expect(granted).toMatchObject({
      organizationId: countyOrganization,
      addressee: 'GRANTING_BODY',
      bodyName: 'Dongshan County Committee',
      bodyKind: 'PARTY_COMMITTEE',
      settingsVersion: 1,
      grade: 'INCOMPETENT',
      status: 'OPEN',
      cadre: { id: grantedCadre },
      region: { code: '880101' },
    });
    expect(granted.score).toBeLessThan(60);
    expect(granted.low).toBeLessThanOrEqual(granted.score);
    expect(granted.high).toBeGreaterThanOrEqual(granted.score);
  });

  it('a term without a grant is addressed to the organization its post belongs to, without a granting body; a competent term raises none', async () => {
    const alerts = (await alertsOf(county)).edges.map((edge) => edge.node);
    const plain = alerts.find((alert) => alert.term.id === plainTerm)!;
    expect(plain).toMatchObject({ addressee: 'POST_ORGANIZATION', bodyName: null, bodyKind: null, organizationId: countyOrganization });
    expect(alerts.some((alert) => alert.term.id === competentTerm)).toBe(false);
  });

  it('is for the organization addressed only: not another county, not the province above it, not a citizen; auditors of the jurisdiction read it', async () => {
    expect((await alertsOf(await server.as('orgOut'))).totalCount).toBe(0);
    // The province reads only the demo's own alert (Pinghu's party secretary, whose grant its organization
    // recorded: demo-derived.spec.ts), none of Dongshan's.
    const provinceReads = (await alertsOf(await server.as('orgRoot'))).edges.map((edge) => edge.node);
    expect(provinceReads.map((alert) => alert.region.code)).toEqual(['880401']);
    expect((await alertsOf(await server.as('auditor'))).totalCount).toBe(2);
    expect(errorCode(await (await server.as('citizen')).request(ALERTS))).toBe('FORBIDDEN');
    expect(errorCode(await server.client().request(ALERTS))).toBe('UNAUTHENTICATED');
  });

  it('is raised once per term and settings version: a replay of the same verdict, or changes racing, raise nothing more', async () => {
    // Five inspections at once, each a change that reaches the granted term's verdict again: still incompetent, still one alert.
    const answers = await Promise.all(Array.from({ length: 5 }, () => inspect(county, grantedTerm, 10)));
    expect(answers.map((answer) => answer.errors)).toEqual(Array(5).fill([]));
    const alerts = (await alertsOf(county)).edges.map((edge) => edge.node);
    expect(alerts.filter((alert) => alert.term.id === grantedTerm)).toHaveLength(1);
    const [{ count }] = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ count: number }[]>('select count(*)::int as count from review_alert where term_id = ?', [uuidOf(grantedTerm)]);
    expect(count).toBe(1);
  });

  it('an inspection or a special audit that makes a term incompetent raises its alert in the same transaction', async () => {
    // Mass satisfaction 100 with an inspection of 0: 62.5 by the weights of the two, still basically competent, no alert.
    expect((await inspect(county, competentTerm, 0)).errors).toEqual([]);
    expect((await alertsOf(county)).edges.some((edge) => edge.node.term.id === competentTerm)).toBe(false);
    // An audit that loses every point: 0.5 × 100 + 0.3 × 0 + 0.2 × 0 = 50, incompetent, an alert to the post's organization.
    const audit = await county.request(AUDIT, {
      input: {
        termId: competentTerm,
        debtAtStart: 100,
        debtAtEnd: 1000,
        irregularFunds: 5000,
        showcaseSpending: 5000,
        totalSpending: 10000,
        findings: 50,
        auditBody: 'County Audit Bureau',
        auditedOn: new Date().toISOString().slice(0, 10),
      },
    });
    expect(audit.errors).toEqual([]);
    const raised = (await alertsOf(county)).edges.map((edge) => edge.node).find((alert) => alert.term.id === competentTerm)!;
    expect(raised).toMatchObject({ addressee: 'POST_ORGANIZATION', grade: 'INCOMPETENT', score: 50, status: 'OPEN' });
    expect(raised.flags).toContain('DEBT_FINANCED');
  });

  it('the addressed organization resolves it once, saying how; nobody else may', async () => {
    const [alert] = (await alertsOf(county)).edges.map((edge) => edge.node);
    expect(errorCode(await (await server.as('orgOut')).request(RESOLVE, { id: alert.id, note: 'Not ours' }))).toBe('FORBIDDEN');
    expect(errorCode(await county.request(RESOLVE, { id: alert.id, note: '  ' }))).toBe('BAD_USER_INPUT');
    const { resolveReviewAlert } = await county.ok<{ resolveReviewAlert: { status: string; resolutionNote: string } }>(RESOLVE, {
      id: alert.id,
      note: 'The committee reviewed the appointment and opened a recall',
    });
    expect(resolveReviewAlert).toMatchObject({
      status: 'RESOLVED',
      resolutionNote: 'The committee reviewed the appointment and opened a recall',
    });
    const again = await county.request(RESOLVE, { id: alert.id, note: 'Again' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors[0]?.extensions?.reason).toBe('REVIEW_ALERT_RESOLVED');
    expect((await alertsOf(county, 'OPEN')).totalCount).toBe(2);
  });
  it('another version of the settings put in force reaches every verdict again: a term still incompetent under it is alerted under it', async () => {
    const root = await server.as('orgRoot');
    // Inspection weighs more, mass evaluation still half: each of the three terms stays incompetent (the third: 0.5 × 100 = 50).
    const { createVerdictSettings } = await root.ok<{ createVerdictSettings: { id: string; version: number } }>(CREATE_VERDICT_SETTINGS, {
      input: verdictSettingsInput({ weights: { mass: 0.5, inspection: 0.35, audit: 0.15 }, note: 'Inspection weighs more' }),
    });
    const before = (await alertsOf(county)).totalCount;
    expect(before).toBe(3);
    await root.ok(ACTIVATE_VERDICT_SETTINGS, { id: createVerdictSettings.id });
    const alerts = (await alertsOf(county)).edges.map((edge) => edge.node);
    for (const term of [grantedTerm, plainTerm, competentTerm]) {
      const versions = alerts.filter((alert) => alert.term.id === term).map((alert) => alert.settingsVersion);
      expect(versions.sort(), term).toEqual([1, createVerdictSettings.version]);
    }
    expect(
      alerts.filter((alert) => alert.settingsVersion === createVerdictSettings.version).every((alert) => alert.status === 'OPEN'),
    ).toBe(true);
  });
});
