import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harmony } from '@massline/shared';
import { errorCode, type ApiClient } from '../support/api-client';
import { uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

interface Row {
  region: { code: string; nameEn: string; level: string };
  period: string;
  index: number | null;
  grade: string | null;
  rank: number | null;
  siblingCount: number | null;
  previousIndex: number | null;
  change: number | null;
  method: string;
  coverage: number;
  complete: boolean;
  published: boolean;
  methodologyVersion: number;
  scores: { code: string; normalizedScore: number | null; contribution: number | null; pastRedLine: boolean }[];
}
const FIELDS =
  'region { code nameEn level } period index grade rank siblingCount previousIndex change method coverage complete published methodologyVersion scores { code normalizedScore contribution pastRedLine }';
const LIST = `query ($filter: AssessmentFilter, $orderBy: AssessmentOrder, $first: Int!) { assessments(first: $first, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${FIELDS} } } } }`;
type Page = { assessments: { totalCount: number; edges: { node: Row }[] } };
const rows = (page: Page) => page.assessments.edges.map((e) => e.node);

describe('harmony: assessments, methodology versions, publication, alerts, sensitivity', () => {
  let server: TestServer;
  let root: ApiClient;
  let county: ApiClient;
  let anonymous: ApiClient;
  let ids: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
  /** As the tables' owner: the triggers hold even against it (the server's runtime role has no such grant at all). */
  const ownerSql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    server = await startTestServer();
    [root, county, anonymous] = [await server.as('orgRoot'), await server.as('orgIn'), await server.as('anonymous')];
    ids = new Map((await sql<{ id: string; code: string }>('select id, code from region')).map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await server?.app.services.harmony.sensitivity.settle();
    await server?.close();
  });

  it('drills down from the province: cities ranked among themselves, the province rolled up by population', async () => {
    const cities = rows(await anonymous.ok<Page>(LIST, { first: 10, filter: { period: '2026-Q2', parentId: ids.get('88') } }));
    expect(cities.map((c) => c.region.level)).toEqual(['CITY', 'CITY', 'CITY', 'CITY']);
    expect(cities.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    expect(cities.every((c) => c.siblingCount === 4 && c.method === 'DIRECT' && c.complete)).toBe(true);
    expect(cities.map((c) => c.index)).toEqual([...cities.map((c) => c.index)].sort((a, b) => (b ?? 0) - (a ?? 0)));

    const [province] = rows(await anonymous.ok<Page>(LIST, { first: 1, filter: { period: '2026-Q2', regionId: ids.get('88') } }));
    expect(province.method).toBe('ROLLED_UP');
    const population = new Map(
      (
        await sql<{ code: string; population: number }>(
          `select r.code, s.population from region_statistics s join region r on r.id = s.region_id where s.period = '2026' and r.level = 'CITY'`,
        )
      ).map((r) => [r.code, r.population]),
    );
    const expected =
      cities.reduce((sum, c) => sum + c.index! * population.get(c.region.code)!, 0) /
      cities.reduce((sum, c) => sum + population.get(c.region.code)!, 0);
    // The children's figures as shown, weighted; the province's figure rounded the same way.
    expect(Math.abs(province.index! - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(province.index).toBe(harmony.roundIndex(province.index!));
  });

  it('gives each region its trend and its change against the previous quarter', async () => {
    const trend = rows(await anonymous.ok<Page>(LIST, { first: 100, filter: { regionId: ids.get('880101') } }));
    expect(trend.map((t) => t.period)).toEqual([
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(trend[0].previousIndex).toBeNull();
    for (let i = 1; i < trend.length; i++) {
      expect(trend[i].previousIndex).toBe(trend[i - 1].index);
      expect(trend[i].change).toBeCloseTo(trend[i].index! - trend[i - 1].index!, 12);
    }
    const breakdown = trend.at(-1)!.scores;
    expect(breakdown.map((s) => s.code)).toEqual([
      'GINI',
      'PETITIONS',
      'MASS_INCIDENTS',
      'HOT_ISSUES',
      'PARTY_APPLICATIONS',
      'CADRE_TRUST',
      'PAPER_SUBSCRIPTIONS',
    ]);
    // Contributions are kept exact; the index is their sum as shown (one decimal).
    expect(harmony.roundIndex(breakdown.reduce((sum, s) => sum + s.contribution!, 0))).toBe(trend.at(-1)!.index);
  });

  it('shows the public published figures only; the jurisdiction sees its unpublished ones; publication opens them', async () => {
    const filter = { period: '2026-Q3', parentId: ids.get('880101') };
    expect((await anonymous.ok<Page>(LIST, { first: 10, filter })).assessments.totalCount).toBe(0);
    expect((await (await server.as('citizen')).ok<Page>(LIST, { first: 10, filter })).assessments.totalCount).toBe(0);
    expect((await (await server.as('token')).ok<Page>(LIST, { first: 10, filter })).assessments.totalCount).toBe(0);
    const own = await county.ok<Page>(LIST, { first: 10, filter });
    expect(own.assessments.totalCount).toBe(4);
    expect(rows(own).every((r) => !r.published)).toBe(true);
    const sibling = await (await server.as('orgOut')).ok<Page>(LIST, { first: 10, filter });
    expect(sibling.assessments.totalCount).toBe(0);

    const published = await county.ok<{ publishAssessments: number }>(
      'mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r) }',
      { r: ids.get('880101') },
    );
    expect(published.publishAssessments).toBe(5); // the county and its four townships
    expect((await anonymous.ok<Page>(LIST, { first: 10, filter })).assessments.totalCount).toBe(4);
    expect(
      (await anonymous.ok<Page>(LIST, { first: 10, filter: { period: '2026-Q3', parentId: ids.get('880102') } })).assessments.totalCount,
    ).toBe(0);
    const again = await county.request('mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r) }', {
      r: ids.get('880101'),
    });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(
      errorCode(
        await county.request('mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r) }', { r: ids.get('880102') }),
      ),
    ).toBe('FORBIDDEN');
  });

  it("names the built-in methodology in both languages, and keeps a version's words as fixed as its settings", async () => {
    const { methodologyVersions } = await anonymous.ok<{
      methodologyVersions: {
        edges: { node: { version: number; name: string; nameZh: string; description: string; descriptionZh: string } }[];
      };
    }>('{ methodologyVersions(first: 20) { edges { node { version name nameZh description descriptionZh } } } }');
    const first = methodologyVersions.edges.map((edge) => edge.node).find((node) => node.version === 1);
    expect(first).toMatchObject({ name: 'Default methodology', nameZh: '默认方法' });
    expect(first?.descriptionZh).toMatch(/七项默认指标/);
    // Not even the tables' owner rewrites a version's Chinese name (the immutability trigger covers it).
    await expect(ownerSql(`update methodology_version set name_zh = 'x' where version = 1`)).rejects.toThrow(/immutable/);
  });

  it('versions the methodology: a new version recomputes under itself, the old figures stay and recompute identically', async () => {
    const v1 = rows(await root.ok<Page>(LIST, { first: 100, filter: { period: '2026-Q2', parentId: ids.get('8801') } }));
    const { methodologyVersion: active } = await root.ok<{ methodologyVersion: { id: string; version: number } }>(
      '{ methodologyVersion { id version } }',
    );
    const created = await root.ok<{
      createMethodologyVersion: {
        id: string;
        version: number;
        active: boolean;
        aggregation: string;
        name: string;
        nameZh: string;
        descriptionZh: string;
      };
    }>(
      `mutation ($input: CreateMethodologyVersionInput!) {
        createMethodologyVersion(input: $input) { id version active aggregation name nameZh descriptionZh } }`,
      {
        input: {
          name: 'Geometric, trust-weighted',
          nameZh: '几何平均，加重信任度',
          description: 'Less compensation between indicators',
          descriptionZh: '指标之间的相互补偿更少',
          aggregation: 'GEOMETRIC',
          activate: true,
          indicators: [
            { code: 'GINI', weight: 0.1, normalization: 'GOALPOSTS' },
            { code: 'PETITIONS', weight: 0.15, normalization: 'GOALPOSTS' },
            { code: 'MASS_INCIDENTS', weight: 0.2, normalization: 'GOALPOSTS' },
            { code: 'HOT_ISSUES', weight: 0.15, normalization: 'MIN_MAX' },
            { code: 'PARTY_APPLICATIONS', weight: 0.1, normalization: 'Z_SCORE' },
            { code: 'CADRE_TRUST', weight: 0.2, normalization: 'GOALPOSTS' },
            { code: 'PAPER_SUBSCRIPTIONS', weight: 0.1, normalization: 'GOALPOSTS' },
          ],
        },
      },
    );
    expect(created.createMethodologyVersion).toMatchObject({
      version: active.version + 1,
      active: true,
      aggregation: 'GEOMETRIC',
      name: 'Geometric, trust-weighted',
      nameZh: '几何平均，加重信任度',
      descriptionZh: '指标之间的相互补偿更少',
    });
    const v2 = rows(await root.ok<Page>(LIST, { first: 100, filter: { period: '2026-Q2', parentId: ids.get('8801') } }));
    expect(v2.every((r) => r.methodologyVersion === active.version + 1)).toBe(true);
    expect(v2.map((r) => r.index)).not.toEqual(v1.map((r) => r.index));
    // Published under v1, published under v2 too: the public dashboard follows the active method.
    expect(
      (await anonymous.ok<Page>(LIST, { first: 100, filter: { period: '2026-Q2', parentId: ids.get('8801') } })).assessments.totalCount,
    ).toBe(v2.length);

    const old = (
      await root.ok<Page>(LIST, { first: 100, filter: { period: '2026-Q2', parentId: ids.get('8801'), methodologyVersionId: active.id } })
    ).assessments.edges.map((e) => e.node);
    expect(old.map((r) => r.index)).toEqual(v1.map((r) => r.index));
    await root.ok('mutation ($id: ID) { recomputeAssessments(methodologyVersionId: $id, period: "2026-Q2") }', { id: active.id });
    const recomputed = rows(
      await root.ok<Page>(LIST, { first: 100, filter: { period: '2026-Q2', parentId: ids.get('8801'), methodologyVersionId: active.id } }),
    );
    expect(recomputed.map((r) => [r.region.code, r.index, r.rank, r.grade])).toEqual(
      v1.map((r) => [r.region.code, r.index, r.rank, r.grade]),
    );

    await expect(ownerSql(`update methodology_version set settings = '{}'::jsonb where id = ?`, [uuidOf(active.id)])).rejects.toThrow(
      /immutable/,
    );
    await expect(ownerSql(`delete from methodology_version where id = ?`, [uuidOf(active.id)])).rejects.toThrow(/immutable/);
    // Back to version 1 for the tests that follow.
    await root.ok('mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }', { id: active.id });
    expect(errorCode(await root.request('mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }', { id: active.id }))).toBe(
      'CONFLICT',
    );
  });

  it.each([
    [
      'weights that do not sum to 1',
      [
        { code: 'GINI', weight: 0.5, normalization: 'GOALPOSTS' },
        { code: 'CADRE_TRUST', weight: 0.4, normalization: 'GOALPOSTS' },
      ],
      'BAD_USER_INPUT',
    ],
    ['an unknown indicator', [{ code: 'NOPE', weight: 1, normalization: 'GOALPOSTS' }], 'BAD_USER_INPUT'],
    ['inverted goalposts', [{ code: 'GINI', weight: 1, normalization: 'GOALPOSTS', lower: 0.6, upper: 0.2 }], 'BAD_USER_INPUT'],
    [
      'the same indicator twice',
      [
        { code: 'GINI', weight: 0.5, normalization: 'GOALPOSTS' },
        { code: 'GINI', weight: 0.5, normalization: 'GOALPOSTS' },
      ],
      'BAD_USER_INPUT',
    ],
  ])('refuses a methodology with %s', async (_name, indicators, code) => {
    const answer = await root.request(
      'mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { id } }',
      {
        input: { name: 'Broken', aggregation: 'ARITHMETIC', indicators },
      },
    );
    expect(errorCode(answer)).toBe(code);
  });

  it('refuses alert rules that cannot be meant, and a county organization altogether', async () => {
    const indicators = [{ code: 'GINI', weight: 1, normalization: 'GOALPOSTS' }];
    const bad = await root.request('mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { id } }', {
      input: { name: 'Bad rule', aggregation: 'ARITHMETIC', indicators, alertRules: [{ kind: 'INDEX_BELOW', threshold: 150 }] },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const county = await server.as('orgIn');
    expect(
      errorCode(
        await county.request('mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { id } }', {
          input: { name: 'Mine', aggregation: 'ARITHMETIC', indicators },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('adds an indicator to the public catalogue (root organization), refusing every broken rule and writing nothing then', async () => {
    const CREATE = 'mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { code builtIn } }';
    const grain = {
      code: 'GRAIN_OUTPUT',
      nameEn: 'Grain output',
      nameZh: '粮食产量',
      unitEn: 't/ha',
      unitZh: '吨/公顷',
      direction: 'HIGHER_IS_BETTER',
      rateBasis: 'NONE',
      goalpostLower: 0,
      goalpostUpper: 10,
      redLine: 2,
    };
    const refused = async (input: Record<string, unknown>) => {
      const answer = await root.request(CREATE, { input: { ...grain, ...input } });
      return {
        code: errorCode(answer),
        reason: answer.errors?.[0].extensions?.reason,
        fields: Object.keys(answer.errors?.[0].extensions?.fields ?? {}),
      };
    };
    expect(await refused({ code: 'grain' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['code'] });
    expect(await refused({ code: 'G'.repeat(33) })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['code'] });
    expect(await refused({ nameEn: 'G' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['nameEn'] });
    expect(await refused({ goalpostLower: 10, goalpostUpper: 10 })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_METHODOLOGY',
      fields: ['goalpostUpper'],
    });
    expect((await refused({ code: 'GINI' })).reason).toBe('INDICATOR_CODE_TAKEN');
    expect(errorCode(await county.request(CREATE, { input: grain }))).toBe('FORBIDDEN');
    expect(await sql(`select code from indicator where code in ('GRAIN', 'GRAIN_OUTPUT')`)).toEqual([]);

    expect(await root.ok(CREATE, { input: grain })).toEqual({ createIndicator: { code: 'GRAIN_OUTPUT', builtIn: false } });
    const catalogue = await anonymous.ok<{ indicators: { edges: { node: { code: string } }[] } }>(
      '{ indicators(first: 50) { edges { node { code } } } }',
    );
    expect(catalogue.indicators.edges.map((edge) => edge.node.code)).toContain('GRAIN_OUTPUT');
  });

  it('raises alerts once, and takes them open → acknowledged → resolved with a note, audited', async () => {
    const ALERTS =
      'query ($f: AlertFilter) { alerts(first: 100, filter: $f) { totalCount edges { node { id kind indicatorCode status period region { code } details } } } }';
    const troubled = await root.ok<{
      alerts: {
        totalCount: number;
        edges: { node: { id: string; kind: string; indicatorCode: string | null; status: string; region: { code: string } } }[];
      };
    }>(ALERTS, {
      f: { withinId: ids.get('880302002'), period: '2026-Q2' },
    });
    const kinds = troubled.alerts.edges.map((e) => `${e.node.kind}:${e.node.indicatorCode ?? ''}`);
    expect(kinds).toContain('RED_LINE:MASS_INCIDENTS');
    expect(kinds).toContain('INDEX_BELOW:');
    const falling = await root.ok<{ alerts: { edges: { node: { kind: string } }[] } }>(ALERTS, {
      f: { withinId: ids.get('880401'), period: '2026-Q2' },
    });
    expect(falling.alerts.edges.map((e) => e.node.kind)).toContain('FALL_SINCE_PREVIOUS');

    const total = (await root.ok<{ alerts: { totalCount: number } }>(ALERTS, {})).alerts.totalCount;
    await root.ok('mutation { recomputeAssessments }');
    const badPeriod = await root.request('mutation { recomputeAssessments(period: "2026-Q5") }');
    expect(badPeriod.errors?.[0].extensions?.reason).toBe('INVALID_PERIOD');
    expect((await root.ok<{ alerts: { totalCount: number } }>(ALERTS, {})).alerts.totalCount).toBe(total);
    // The versions tried out above raised their own alerts; the list shows the active version's.
    const versions = await root.ok<{ alerts: { edges: { node: { methodologyVersion: number } }[] } }>(
      '{ alerts(first: 100) { edges { node { methodologyVersion } } } }',
    );
    expect(new Set(versions.alerts.edges.map((e) => e.node.methodologyVersion))).toEqual(new Set([1]));

    const shimen = await root.ok<{ createUser: { id: string } }>(
      `mutation ($o: ID!, $r: ID!) { createUser(input: { email: "shimen@massline.test", displayName: "Shimen", role: ORGANIZATION, password: "a-long-password", regionId: $r, organizationId: $o }) { id } }`,
      {
        r: ids.get('8803'),
        o: (await sql<{ id: string }>(`select o.id from organization o join region r on r.id = o.region_id where r.code = '8803'`))[0].id,
      },
    );
    expect(shimen.createUser.id).toBeTruthy();
    const city = await server.client().signIn('shimen@massline.test', 'a-long-password');
    const alert = troubled.alerts.edges[0].node;
    expect(
      errorCode(await (await server.as('orgIn')).request('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id: alert.id })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await (await server.as('auditor')).request('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id: alert.id }),
      ),
    ).toBe('FORBIDDEN');
    const acknowledged = await city.ok<{ acknowledgeAlert: { status: string; acknowledgedBy: string } }>(
      'mutation ($id: ID!) { acknowledgeAlert(id: $id) { status acknowledgedBy } }',
      { id: alert.id },
    );
    expect(acknowledged.acknowledgeAlert).toEqual({ status: 'ACKNOWLEDGED', acknowledgedBy: 'shimen@massline.test' });
    expect(errorCode(await city.request('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id: alert.id }))).toBe(
      'CONFLICT',
    );
    const noNote = await city.request('mutation ($id: ID!) { resolveAlert(id: $id, note: "  ") { status } }', { id: alert.id });
    expect(noNote.errors[0].extensions?.fields).toEqual({ note: 'Say how it was resolved' });
    const resolved = await city.ok<{ resolveAlert: { status: string; resolutionNote: string } }>(
      'mutation ($id: ID!) { resolveAlert(id: $id, note: "Mediation held; claims settled") { status resolutionNote } }',
      { id: alert.id },
    );
    expect(resolved.resolveAlert).toEqual({ status: 'RESOLVED', resolutionNote: 'Mediation held; claims settled' });
    expect(errorCode(await city.request('mutation ($id: ID!) { resolveAlert(id: $id, note: "again") { status } }', { id: alert.id }))).toBe(
      'CONFLICT',
    );
    const { auditEntries } = await root.ok<{ auditEntries: { edges: { node: { action: string } }[] } }>(
      'query ($s: String) { auditEntries(first: 10, filter: { subjectId: $s }) { edges { node { action } } } }',
      { s: alert.id },
    );
    expect(auditEntries.edges.map((e) => e.node.action)).toEqual(['alert.resolve', 'alert.acknowledge']);
  });

  it('orders a trend newest first when asked, carries the computation time, and refuses a malformed id', async () => {
    const newest = rows(
      await anonymous.ok<Page>(LIST, { first: 3, filter: { regionId: ids.get('88') }, orderBy: { field: 'PERIOD', direction: 'DESC' } }),
    );
    expect(newest.map((r) => r.period)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
    const { assessments } = await anonymous.ok<{ assessments: { edges: { node: { computedAt: string } }[] } }>(
      '{ assessments(first: 1) { edges { node { computedAt } } } }',
    );
    expect(new Date(assessments.edges[0].node.computedAt).getTime()).toBeGreaterThan(Date.now() - 24 * 3600 * 1000);
    const malformed = await anonymous.request(LIST, { first: 1, filter: { regionId: 'x' } });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
  });

  it('checks the indicators of a period: coverage, skew and kurtosis, correlated pairs', async () => {
    const { statisticalChecks } = await root.ok<{
      statisticalChecks: {
        indicators: { code: string; observed: number; regions: number; coverage: number; lowCoverage: boolean }[];
        correlatedPairs: { first: string; second: string; correlation: number }[];
      };
    }>(
      '{ statisticalChecks(period: "2026-Q2", level: TOWNSHIP) { indicators { code observed regions coverage lowCoverage skewness kurtosis outliers } correlatedPairs { first second correlation observations } } }',
    );
    expect(statisticalChecks.indicators).toHaveLength(7);
    expect(statisticalChecks.indicators.every((i) => i.regions === 48 && i.observed === 48 && i.coverage === 1 && !i.lowCoverage)).toBe(
      true,
    );
    // The demo indicators are all driven by one "quality" per region: they are strongly correlated.
    expect(statisticalChecks.correlatedPairs.length).toBeGreaterThan(0);
    expect(statisticalChecks.correlatedPairs.every((p) => Math.abs(p.correlation) > 0.9)).toBe(true);
  });

  it('runs a seeded Monte Carlo sensitivity in the background, with progress, reproducibly', async () => {
    const START =
      'mutation ($r: ID!) { startSensitivityRun(input: { period: "2026-Q2", parentId: $r, runs: 2000, seed: 42 }) { id status progress } }';
    const POLL =
      'query ($id: ID!) { sensitivityRun(id: $id) { status progress regions { region { code } nominalRank medianRank percentile5Rank percentile95Rank } } }';
    type Run = {
      status: string;
      progress: number;
      regions: { region: { code: string }; nominalRank: number; medianRank: number; percentile5Rank: number; percentile95Rank: number }[];
    };
    const finish = async (id: string) => {
      for (;;) {
        const { sensitivityRun } = await root.ok<{ sensitivityRun: Run }>(POLL, { id });
        if (sensitivityRun.status !== 'RUNNING') return sensitivityRun;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const first = await root.ok<{ startSensitivityRun: { id: string; status: string } }>(START, { r: ids.get('8801') });
    expect(first.startSensitivityRun.status).toBe('RUNNING');
    const done = await finish(first.startSensitivityRun.id);
    expect(done.status).toBe('DONE');
    expect(done.progress).toBe(1);
    expect(done.regions).toHaveLength(3);
    for (const r of done.regions) expect(r.percentile5Rank <= r.medianRank && r.medianRank <= r.percentile95Rank).toBe(true);
    const second = await root.ok<{ startSensitivityRun: { id: string } }>(START, { r: ids.get('8801') });
    expect((await finish(second.startSensitivityRun.id)).regions).toEqual(done.regions);
    // Somebody else's run is not theirs to read: as unknown as a run that never was.
    const others = await (await server.as('orgIn')).request<{ sensitivityRun: null }>(POLL, { id: first.startSensitivityRun.id });
    expect(others.data?.sensitivityRun).toBeNull();
    expect(others.errors).toMatchObject([{ path: ['sensitivityRun'], extensions: { code: 'NOT_FOUND' } }]);
    // An auditor reads records and changes nothing: no run is started or stored for them, none is read.
    const auditor = await server.as('auditor');
    expect(errorCode(await auditor.request(START, { r: ids.get('8801') }))).toBe('FORBIDDEN');
    expect(errorCode(await auditor.request(POLL, { id: first.startSensitivityRun.id }))).toBe('FORBIDDEN');
  });

  it('serves the dashboard in the same number of SQL statements for 1 region as for 50', async () => {
    let count = 0;
    const knex = server.orm.em.getConnection().getKnex();
    const listener = () => count++;
    knex.on('query', listener);
    const measure = async (first: number) => {
      count = 0;
      const page = await anonymous.ok<Page>(LIST, {
        first,
        filter: { period: '2026-Q2' },
        orderBy: { field: 'REGION_CODE', direction: 'ASC' },
      });
      return { statements: count, rows: rows(page).length };
    };
    const one = await measure(1);
    const fifty = await measure(50);
    knex.removeListener('query', listener);
    expect([one.rows, fifty.rows]).toEqual([1, 50]);
    expect(fifty.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(3);
  });
});
