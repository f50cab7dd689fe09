import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const ENTRIES =
  'query ($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { edges { node { action subjectType regionPath before after } } } }';

interface Entry {
  action: string;
  subjectType: string;
  regionPath: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * An import's audit entries are per row, at the row's region: whoever may read a region's audit log sees
 * the changes to its rows (before and after), and nothing of the other rows of the same file.
 */
describe('audit: one entry per imported row, at its region', () => {
  let server: TestServer;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    server.orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => void statements.push(query.sql));
  });
  afterAll(() => server?.close());

  it('a province import touching a Jiangchuan township and a Pinghu one: each city reads its own rows, before and after', async () => {
    const root = await server.as('orgRoot');
    const [{ id: dongshanTownship }] = await sql<{ id: string }>(`select id from region where code = '880101001'`);
    await root.ok('mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
      input: { regionId: dongshanTownship, period: '2021-Q3', indicatorCode: 'CADRE_TRUST', value: 50, source: 'First wave' },
    });
    const [{ now }] = await sql<{ now: Date }>('select clock_timestamp() as now');
    const csv = [
      'region_code,period,indicator,value,raw_count,raw_total,source',
      '880101001,2021-Q3,CADRE_TRUST,70,,,Second wave',
      '880401001,2021-Q3,CADRE_TRUST,80,,,Pinghu survey',
    ].join('\n');
    const report = await root.ok<{ importObservations: { accepted: boolean; written: number; corrected: number } }>(
      'mutation ($csv: String!) { importObservations(csv: $csv) { accepted written corrected } }',
      { csv },
    );
    expect(report.importObservations).toEqual({ accepted: true, written: 2, corrected: 1 });
    const since = { from: new Date(now).toISOString(), subjectType: 'Observation' };
    const read = async (client: Awaited<ReturnType<TestServer['as']>>) =>
      (await client.ok<{ auditEntries: { edges: { node: Entry }[] } }>(ENTRIES, { filter: since })).auditEntries.edges.map((e) => e.node);

    // Jiangchuan City's auditor: exactly the Jiangchuan row, with its value before and after.
    const jiangchuan = await read(await server.as('auditor'));
    expect(jiangchuan).toEqual([
      {
        action: 'observation.correct',
        subjectType: 'Observation',
        regionPath: expect.stringMatching(/^\/88\/8801\/880101\/880101001\/?$/),
        before: expect.objectContaining({ value: 50, rawCount: null, rawTotal: null, source: 'First wave', revision: 1 }),
        after: expect.objectContaining({
          value: 70,
          source: 'Second wave',
          revision: 2,
          region: '880101001',
          indicator: 'CADRE_TRUST',
          period: '2021-Q3',
        }),
      },
    ]);

    // Anlan City's organization (Pinghu County is under it): exactly its own row, a new value.
    await server.createUser({ email: 'anlan@massline.test', role: 'ORGANIZATION', regionCode: '8804' });
    const anlan = await read(await server.client().signIn('anlan@massline.test', 'massline-demo'));
    expect(anlan).toEqual([
      {
        action: 'observation.record',
        subjectType: 'Observation',
        regionPath: expect.stringMatching(/^\/88\/8804\/880401\/880401001\/?$/),
        before: null,
        after: expect.objectContaining({ value: 80, source: 'Pinghu survey', revision: 1, region: '880401001' }),
      },
    ]);

    // The province reads both rows and the import itself, with counts (no row keys).
    const province = await read(root);
    expect(province.map((entry) => entry.action).sort()).toEqual(['observation.correct', 'observation.import', 'observation.record']);
    expect(province.find((entry) => entry.action === 'observation.import')?.after).toEqual({
      rows: 2,
      written: 2,
      corrected: 1,
      periods: ['2021-Q3'],
    });
  });

  it('writes the entries of a large import in a few multi-row INSERTs, not one statement per row', async () => {
    const root = await server.as('orgRoot');
    const townships = (await sql<{ code: string }>(`select code from region where level = 'TOWNSHIP' order by code`)).map((r) => r.code);
    const months = Array.from({ length: 24 }, (_, m) => `${2019 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
    const rows = townships.flatMap((code) =>
      months.flatMap((month) => [`${code},${month},CADRE_TRUST,61,,,`, `${code},${month},GINI,0.4,,,`]),
    );
    expect(rows.length).toBeGreaterThan(2000);
    statements.length = 0;
    const report = await root.ok<{ importObservations: { written: number } }>(
      'mutation ($csv: String!) { importObservations(csv: $csv) { written } }',
      { csv: ['region_code,period,indicator,value,raw_count,raw_total,source', ...rows].join('\n') },
    );
    expect(report.importObservations.written).toBe(rows.length);
    const auditInserts = statements.filter((text) => /^insert into "audit_entry"/i.test(text));
    // One entry per row and one for the import, 1,000 to a statement.
    expect(auditInserts).toHaveLength(Math.ceil((rows.length + 1) / 1000));
    const [{ n }] = await sql<{ n: string }>(
      `select count(*)::text as n from audit_entry where action = 'observation.record' and after->>'period' like '20__-__' and after->>'period' < '2021'`,
    );
    expect(Number(n)).toBe(rows.length);
  });
});
