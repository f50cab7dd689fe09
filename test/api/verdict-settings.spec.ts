import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  ACTIVATE_VERDICT_SETTINGS,
  CREATE_VERDICT_SETTINGS,
  campaignWithBallots,
  verdictSettingsInput,
} from '../support/verdict-settings-fixtures';

interface Version {
  id: string;
  version: number;
  active: boolean;
  activatedAt: string | null;
  note: string | null;
  settings: { weights: { mass: number; inspection: number; audit: number } };
}
const IN_FORCE = '{ verdictSettings { id version active settings } }';
const HISTORY = '{ verdictSettingsVersions(first: 100) { totalCount edges { node { id version active activatedAt note } } } }';
const VERDICT = 'query ($t: ID!) { verdict(termId: $t) { settingsVersion score weights { mass inspection audit } } }';

const problemsOf = (answer: GraphQLAnswer<unknown>) =>
  answer.errors[0]?.extensions?.problems as Record<string, { reason: string; params: Record<string, unknown> }> | undefined;

describe('verdict settings: drafted and put in force by the root organization, one in force, public history', () => {
  let server: TestServer;
  let root: ApiClient;
  let anonymous: ApiClient;
  const ownerSql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const history = async (client: ApiClient = anonymous) =>
    (await client.ok<{ verdictSettingsVersions: { totalCount: number; edges: { node: Version }[] } }>(HISTORY)).verdictSettingsVersions;
  const draft = async (overrides: Record<string, unknown> = {}) =>
    (await root.ok<{ createVerdictSettings: Version }>(CREATE_VERDICT_SETTINGS, { input: verdictSettingsInput(overrides) }))
      .createVerdictSettings;

  beforeAll(async () => {
    server = await startTestServer();
    root = await server.as('orgRoot');
    anonymous = server.client();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads version 1 in force, publicly, and its history', async () => {
    const { verdictSettings } = await anonymous.ok<{ verdictSettings: Version }>(IN_FORCE);
    expect(verdictSettings).toMatchObject({ version: 1, active: true });
    const versions = await history();
    expect(versions.edges.map((edge) => [edge.node.version, edge.node.active])).toEqual([[1, true]]);
  });

  it('writes a draft: the next number, not in force, audited; the version in force stays', async () => {
    const created = await draft({ note: '  Mass satisfaction weighs more  ' });
    expect(created).toMatchObject({ version: 2, active: false, activatedAt: null, note: 'Mass satisfaction weighs more' });
    expect(created.settings.weights).toEqual({ mass: 0.6, inspection: 0.25, audit: 0.15 });
    expect((await anonymous.ok<{ verdictSettings: Version }>(IN_FORCE)).verdictSettings.version).toBe(1);
    expect((await history()).edges.map((edge) => [edge.node.version, edge.node.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    const [entry] = await ownerSql<{ action: string; after: { version: number } }>(
      `select action, after from audit_entry where subject_type = 'VerdictSettings' and subject_id = ?`,
      [uuidOf(created.id)],
    );
    expect(entry).toMatchObject({ action: 'verdict-settings.create', after: { version: 2 } });
  });

  it.each([
    ['weights that do not sum to 1', { weights: { mass: 0.5, inspection: 0.3, audit: 0.3 } }, 'weights.mass', 'WEIGHTS_SUM', { sum: 1.1 }],
    ['a weight above 1', { weights: { mass: 1.5, inspection: -0.25, audit: -0.25 } }, 'weights.mass', 'SCORE_RANGE', { max: 1, got: 1.5 }],
    [
      'bands out of order',
      {
        bands: [
          { code: 'EXCELLENT', minimum: 90 },
          { code: 'COMPETENT', minimum: 95 },
          { code: 'BASICALLY_COMPETENT', minimum: 60 },
          { code: 'INCOMPETENT', minimum: 0 },
        ],
      },
      'bands.1.minimum',
      'BANDS_ORDER',
      { above: 90, got: 95 },
    ],
    [
      'a lowest band above 0',
      {
        bands: [
          { code: 'EXCELLENT', minimum: 90 },
          { code: 'COMPETENT', minimum: 75 },
          { code: 'BASICALLY_COMPETENT', minimum: 60 },
          { code: 'INCOMPETENT', minimum: 10 },
        ],
      },
      'bands.3.minimum',
      'LOWEST_BAND_ZERO',
      {},
    ],
    [
      'a grade missing',
      {
        bands: [
          { code: 'EXCELLENT', minimum: 50 },
          { code: 'INCOMPETENT', minimum: 0 },
        ],
      },
      'bands',
      'GRADE_BANDS',
      {},
    ],
    ['a threshold of 0', { debtGrowth: 0 }, 'debtGrowth', 'NOT_POSITIVE', { got: 0 }],
    ['a share above 1', { showcaseShare: 1.5 }, 'showcaseShare', 'SCORE_RANGE', { min: 0, max: 1, got: 1.5 }],
    ['a livelihood floor above 100', { livelihoodFloor: 120 }, 'livelihoodFloor', 'SCORE_RANGE', { max: 100, got: 120 }],
    [
      'a full penalty of 0',
      { auditPenalties: { debtGrowth: 1, irregularShare: 0.05, showcaseShare: 0.2, findings: 0 } },
      'auditPenalties.findings',
      'NOT_POSITIVE',
      {},
    ],
  ])('refuses %s with the shared rules’ coded problem, and writes nothing', async (_what, overrides, path, reason, params) => {
    const before = (await history()).totalCount;
    const answer = await root.request(CREATE_VERDICT_SETTINGS, { input: verdictSettingsInput(overrides) });
    expect([errorCode(answer), answer.errors[0]?.extensions?.reason]).toEqual(['BAD_USER_INPUT', 'INVALID_VERDICT_SETTINGS']);
    expect(problemsOf(answer)?.[path]).toMatchObject({ reason, params });
    expect((await history()).totalCount).toBe(before);
  });

  it('refuses every writer but the root organization, and writes nothing', async () => {
    const before = (await history()).totalCount;
    const target = await draft();
    for (const actor of ['orgIn', 'auditor', 'citizen'] as const) {
      const client = await server.as(actor);
      expect(errorCode(await client.request(CREATE_VERDICT_SETTINGS, { input: verdictSettingsInput() }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(ACTIVATE_VERDICT_SETTINGS, { id: target.id }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await anonymous.request(CREATE_VERDICT_SETTINGS, { input: verdictSettingsInput() }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await anonymous.request(ACTIVATE_VERDICT_SETTINGS, { id: target.id }))).toBe('UNAUTHENTICATED');
    const after = await history();
    expect(after.totalCount).toBe(before + 1);
    expect(after.edges.find((edge) => edge.node.id === target.id)?.node.active).toBe(false);
  });

  it('refuses to activate a version that does not exist, or is already in force', async () => {
    const missing = await root.request(ACTIVATE_VERDICT_SETTINGS, {
      id: globalId('VerdictSettings', '00000000-0000-4000-8000-000000000000'),
    });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    const { verdictSettings } = await anonymous.ok<{ verdictSettings: Version }>(IN_FORCE);
    const again = await root.request(ACTIVATE_VERDICT_SETTINGS, { id: verdictSettings.id });
    expect([errorCode(again), again.errors[0]?.extensions?.reason]).toEqual(['CONFLICT', 'VERDICT_SETTINGS_ALREADY_ACTIVE']);
  });

  it('puts a draft in force in place of the one in force, and verdicts name it and follow its weights', async () => {
    const term = await campaignWithBallots(server, {
      regionCode: '880101',
      voterRegionCode: '880101001',
      steps: Array<string>(30).fill('SATISFIED'),
      prefix: 'Settings',
    });
    const county = await server.as('orgIn');
    await county.ok('mutation ($id: ID!) { closeCampaign(id: $id) { status } }', { id: globalId('Campaign', term.campaignId) });
    await county.ok('mutation ($id: ID!) { publishCampaign(id: $id) { status } }', { id: globalId('Campaign', term.campaignId) });
    await county.ok('mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }', {
      input: { termId: globalId('Term', term.termId), score: 60, findings: 'Average', inspector: 'Team S', inspectedOn: isoToday() },
    });
    const verdictOf = async () =>
      (
        await county.ok<{ verdict: { settingsVersion: number; score: number; weights: Record<string, number> } }>(VERDICT, {
          t: globalId('Term', term.termId),
        })
      ).verdict;
    const under1 = await verdictOf();
    expect(under1.settingsVersion).toBe(1);
    // Mass and inspection only: 0.5 and 0.3 scaled to sum to 1.
    expect(under1.weights.mass).toBeCloseTo(0.625, 12);
    expect(under1.weights.inspection).toBeCloseTo(0.375, 12);
    expect(under1.weights.audit).toBe(0);

    const next = await draft({ weights: { mass: 0.8, inspection: 0.1, audit: 0.1 } });
    const activated = (await root.ok<{ activateVerdictSettings: Version }>(ACTIVATE_VERDICT_SETTINGS, { id: next.id }))
      .activateVerdictSettings;
    expect(activated).toMatchObject({ id: next.id, active: true });
    expect(activated.activatedAt).not.toBeNull();
    const inForce = await history();
    expect(inForce.edges.filter((edge) => edge.node.active).map((edge) => edge.node.version)).toEqual([next.version]);
    expect((await anonymous.ok<{ verdictSettings: Version }>(IN_FORCE)).verdictSettings.id).toBe(next.id);

    const underNext = await verdictOf();
    expect(underNext.settingsVersion).toBe(next.version);
    expect(underNext.weights.mass).toBeCloseTo(0.8 / 0.9, 12);
    expect(underNext.weights.inspection).toBeCloseTo(0.1 / 0.9, 12);
    const [entry] = await ownerSql<{ before: { active: number }; after: { active: number } }>(
      `select before, after from audit_entry where action = 'verdict-settings.activate' and subject_id = ?`,
      [uuidOf(next.id)],
    );
    expect(entry).toEqual({ before: { active: 1 }, after: { active: next.version } });
  });

  it('lets one of two concurrent activations win; the other gets CONFLICT, and one version is in force', async () => {
    const [a, b] = [await draft(), await draft()];
    const clients = [root, await server.as('orgRoot')];
    const answers = await Promise.all([
      clients[0].request(ACTIVATE_VERDICT_SETTINGS, { id: a.id }),
      clients[1].request(ACTIVATE_VERDICT_SETTINGS, { id: b.id }),
    ]);
    const won = answers.filter((answer) => answer.errors.length === 0);
    const lost = answers.filter((answer) => answer.errors.length > 0);
    expect(won).toHaveLength(1);
    expect(lost.map((answer) => [errorCode(answer), answer.errors[0]?.extensions?.reason])).toEqual([
      ['CONFLICT', 'VERDICT_SETTINGS_ALREADY_ACTIVE'],
    ]);
    const winner = (won[0].data as { activateVerdictSettings: Version }).activateVerdictSettings.id;
    const rows = await ownerSql<{ id: string }>('select id from verdict_settings where active');
    expect(rows.map((row) => row.id)).toEqual([uuidOf(winner)]);
    expect((await anonymous.ok<{ verdictSettings: Version }>(IN_FORCE)).verdictSettings.id).toBe(winner);
  });

  it('lets one of two concurrent activations of the same draft win', async () => {
    const target = await draft();
    const clients = [root, await server.as('orgRoot')];
    const answers = await Promise.all(clients.map((client) => client.request(ACTIVATE_VERDICT_SETTINGS, { id: target.id })));
    expect(answers.filter((answer) => answer.errors.length === 0)).toHaveLength(1);
    expect(answers.flatMap((answer) => answer.errors.map((error) => error.extensions?.code))).toEqual(['CONFLICT']);
  });

  it('keeps a version immutable for the runtime role: only putting it in force moves it', async () => {
    const sql = <T>(text: string) => server.orm.em.fork().getConnection().execute<T[]>(text);
    await expect(sql(`update verdict_settings set settings = '{}'::jsonb where version = 1`)).rejects.toThrow();
    await expect(sql('delete from verdict_settings where version = 1')).rejects.toThrow();
  });
});

const isoToday = () => new Date().toISOString().slice(0, 10);
