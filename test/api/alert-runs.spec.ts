import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { MERGE_ALERT_RUNS, OWN_PERIOD_AS_HISTORY } from '../../server/src/modules/harmony/migrations/Migration20261201093715AlertRuns';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

interface AlertNode {
  id: string;
  kind: string;
  indicatorCode: string | null;
  status: string;
  period: string;
  firstPeriod: string;
  periodCount: number;
  latestValue: number | null;
  trend: { period: string; value: number | null }[];
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
  resolutionNote: string | null;
  region: { code: string; name: string; nameRepeats: boolean; parent: { name: string } | null };
}
const FIELDS =
  'id kind indicatorCode status period firstPeriod periodCount latestValue trend { period value } acknowledgedBy acknowledgementNote resolutionNote region { code name nameRepeats parent { name } }';
const ALERTS = `query ($f: AlertFilter, $first: Int!) { alerts(first: $first, filter: $f) { totalCount edges { node { ${FIELDS} } } } }`;
const ACKNOWLEDGE = `mutation ($ids: [ID!]!, $note: String) { acknowledgeAlerts(ids: $ids, note: $note) { ${FIELDS} } }`;
const RESOLVE = `mutation ($ids: [ID!]!, $note: String!) { resolveAlerts(ids: $ids, note: $note) { ${FIELDS} } }`;
const UNDO = `mutation ($ids: [ID!]!) { undoAlertAcknowledgements(ids: $ids) { ${FIELDS} } }`;
type Page = { alerts: { totalCount: number; edges: { node: AlertNode }[] } };
const nodes = (page: Page) => page.alerts.edges.map((edge) => edge.node);
const reason = (answer: GraphQLAnswer) => [errorCode(answer), answer.errors[0]?.extensions?.reason];
const fieldsOf = (answer: GraphQLAnswer) => Object.keys((answer.errors[0]?.extensions?.fields as Record<string, string> | undefined) ?? {});

describe('alerts as runs: one per region and rule until resolved, worked through in bulk, undone', () => {
  let server: TestServer;
  let root: ApiClient;
  let county: ApiClient;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const list = async (client: ApiClient, filter: Record<string, unknown>, first = 100) =>
    nodes(await client.ok<Page>(ALERTS, { f: filter, first }));
  const alertRow = async (id: string) =>
    (await sql<{ status: string; period: string }>('select status, period from alert where id = ?', [uuidOf(id)]))[0];
  const auditCount = async (action: string, subjectId: string) =>
    Number(
      (
        await sql<{ n: string }>('select count(*)::text as n from audit_entry where action = ? and subject_id = ?', [
          action,
          uuidOf(subjectId),
        ])
      )[0].n,
    );
  const regionId = async (code: string) => (await sql<{ id: string }>('select id from region where code = ?', [code]))[0].id;

  beforeAll(async () => {
    server = await startTestServer();
    [root, county] = [await server.as('orgRoot'), await server.as('orgIn')];
  });
  afterAll(async () => {
    await server?.app.services.harmony.sensitivity.settle();
    await server?.close();
  });

  it('raises one alert per region and rule for a breach that lasts, with its run of periods and their values', async () => {
    const open = await list(root, { status: 'OPEN', kind: 'INDEX_BELOW' });
    expect(open.length).toBeGreaterThan(0);
    const keys = open.map((alert) => `${alert.region.code}:${alert.kind}:${alert.indicatorCode ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const lasting = open.find((alert) => alert.periodCount > 1)!;
    expect(lasting).toBeDefined();
    expect(lasting.trend).toHaveLength(lasting.periodCount);
    expect(lasting.trend[0].period).toBe(lasting.firstPeriod);
    expect(lasting.trend[lasting.trend.length - 1]).toEqual({ period: lasting.period, value: lasting.latestValue });
    expect(lasting.trend.every((point) => point.value !== null && point.value < 60)).toBe(true);
    // A period filter finds the alerts whose run covers it, not only those that ended in it.
    const middle = lasting.trend[Math.floor(lasting.trend.length / 2)].period;
    expect((await list(root, { period: middle, kind: 'INDEX_BELOW' })).map((alert) => alert.id)).toContain(lasting.id);
    // The database allows no second unresolved alert for a region and rule.
    const [{ duplicated }] = await sql<{ duplicated: number }>(
      `select count(*)::int as duplicated from (select 1 from alert where status <> 'RESOLVED'
         group by methodology_version_id, region_id, kind, indicator_code having count(*) > 1) d`,
    );
    expect(duplicated).toBe(0);
  });

  it('migrates alerts raised once per quarter into runs: the unresolved ones of a region and rule merged, acknowledged if any was', async () => {
    const rolledBack = new Error('rolled back on purpose');
    const merged = server.ownerOrm.em.fork().transactional(async (em) => {
      // The old shape: one alert per quarter (no unique index on unresolved alerts yet).
      await em.execute('drop index alert_unresolved_once');
      await em.execute(
        `insert into alert (id, methodology_version_id, region_id, period, kind, indicator_code, details, status, acknowledged_by, acknowledged_at, resolved_at, resolution_note)
         select gen_random_uuid(), v.id, r.id, x.period, 'RED_LINE', 'MIGRATED', jsonb_build_object('value', x.value), x.status, x.by, x.at, x.resolved, x.note
           from methodology_version v, region r,
                (values ('2024-Q4', 31.0, 'RESOLVED', null, null::timestamptz, now(), 'Handled'),
                        ('2025-Q1', 32.5, 'ACKNOWLEDGED', 'county@massline.demo', now() - interval '1 day', null, null),
                        ('2025-Q2', 33.0, 'OPEN', null, null, null, null),
                        ('2025-Q3', 34.5, 'OPEN', null, null, null, null)) as x(period, value, status, by, at, resolved, note)
          where v.active and r.code = '880101001'`,
      );
      await em.execute(`update alert set first_period = null, history = '[]' where indicator_code = 'MIGRATED'`);
      await em.execute(OWN_PERIOD_AS_HISTORY);
      await em.execute(MERGE_ALERT_RUNS);
      const rows = await em.execute<
        { status: string; first_period: string; period: string; history: unknown; acknowledged_by: string | null }[]
      >(`select status, first_period, period, history, acknowledged_by from alert where indicator_code = 'MIGRATED' order by period`);
      throw Object.assign(rolledBack, { rows });
    });
    const failure = await merged.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBe(rolledBack);
    expect((rolledBack as Error & { rows: unknown }).rows).toEqual([
      {
        status: 'RESOLVED',
        first_period: '2024-Q4',
        period: '2024-Q4',
        history: [{ period: '2024-Q4', value: 31 }],
        acknowledged_by: null,
      },
      {
        status: 'ACKNOWLEDGED',
        first_period: '2025-Q1',
        period: '2025-Q3',
        history: [
          { period: '2025-Q1', value: 32.5 },
          { period: '2025-Q2', value: 33 },
          { period: '2025-Q3', value: 34.5 },
        ],
        acknowledged_by: 'county@massline.demo',
      },
    ]);
    // Rolled back: the index is there again, the rows are not.
    expect(await sql('select 1 from alert where indicator_code = ?', ['MIGRATED'])).toEqual([]);
  });

  it('names a region with its parent where the name repeats', async () => {
    const [alert] = await list(root, {}, 100);
    const { regions } = await root.ok<{
      regions: { edges: { node: { name: string; nameRepeats: boolean; parent: { name: string } | null } }[] };
    }>('{ regions(first: 100, filter: { level: TOWNSHIP }) { edges { node { name nameRepeats parent { name } } } } }');
    const counts = new Map<string, number>();
    for (const { node } of regions.edges) counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
    const [{ total }] = await sql<{ total: number }>('select count(*)::int as total from region where name = ?', [alert.region.name]);
    expect(alert.region.nameRepeats).toBe(total > 1);
    const repeated = regions.edges.find((edge) => edge.node.name === '城关镇')!.node;
    expect(repeated.nameRepeats).toBe(true);
    expect(repeated.parent?.name).toMatch(/县$/);
    const [{ name: unique }] = await sql<{ name: string }>('select name from region group by name having count(*) = 1 limit 1');
    expect(regions.edges.filter((edge) => edge.node.name === unique).every((edge) => !edge.node.nameRepeats)).toBe(true);
  });

  it('extends an acknowledged or open alert with a new breached period instead of raising it anew; after resolution a new breach raises a new alert', async () => {
    // Townships without figures for 2026-Q4 yet get a next quarter that looks like this one (below). A fall
    // does not repeat in such a quarter; a value below a line does.
    const observedInQ4 = new Set(
      (
        await sql<{ code: string }>(
          `select distinct r.code from observation o join region r on r.id = o.region_id where o.period = '2026-Q4'`,
        )
      ).map((row) => row.code),
    );
    const open = (await list(root, { status: 'OPEN', period: '2026-Q3' })).filter(
      (alert) =>
        alert.period === '2026-Q3' &&
        alert.kind !== 'FALL_SINCE_PREVIOUS' &&
        alert.region.code.length === 9 &&
        !observedInQ4.has(alert.region.code),
    );
    const [acknowledged, resolved, untouched] = open;
    await root.ok(ACKNOWLEDGE, { ids: [acknowledged.id], note: 'Known: the mediation office is on it' });
    await root.ok(RESOLVE, { ids: [resolved.id], note: 'Settled' });

    // The next quarter looks like this one (its observations copied where there are none yet), and is computed.
    const columns = (
      await sql<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'observation' and column_name not in ('id', 'period')`,
      )
    )
      .map((column) => `"${column.column_name}"`)
      .join(', ');
    await sql(
      `insert into observation (id, period, ${columns}) select gen_random_uuid(), '2026-Q4', ${columns} from observation where period = '2026-Q3'`,
    );
    await root.ok('mutation { recomputeAssessments(period: "2026-Q4") }');

    const sameRule = (alert: AlertNode) => `${alert.region.code}:${alert.kind}:${alert.indicatorCode ?? ''}`;
    const after = new Map((await list(root, { period: '2026-Q4' })).map((alert) => [alert.id, alert]));
    const stillAcknowledged = after.get(acknowledged.id)!;
    expect(stillAcknowledged).toMatchObject({ status: 'ACKNOWLEDGED', period: '2026-Q4', firstPeriod: acknowledged.firstPeriod });
    expect(stillAcknowledged.periodCount).toBe(acknowledged.periodCount + 1);
    expect(stillAcknowledged.trend.slice(0, -1)).toEqual(acknowledged.trend);
    expect(after.get(untouched.id)).toMatchObject({ status: 'OPEN', period: '2026-Q4', periodCount: untouched.periodCount + 1 });
    const raisedAgain = [...after.values()].filter((alert) => sameRule(alert) === sameRule(resolved));
    expect(raisedAgain.map((alert) => [alert.status, alert.firstPeriod, alert.periodCount])).toEqual([['OPEN', '2026-Q4', 1]]);
    expect(await alertRow(resolved.id)).toEqual({ status: 'RESOLVED', period: '2026-Q3' });

    // Computing again raises nothing new, and an old quarter of a resolved alert is not raised again.
    const count = async () => (await sql<{ n: number }>('select count(*)::int as n from alert'))[0].n;
    const before = await count();
    await root.ok('mutation { recomputeAssessments(period: "2026-Q4") }');
    await root.ok('mutation { recomputeAssessments(period: "2026-Q3") }');
    expect(await count()).toBe(before);
    expect((await list(root, { period: '2026-Q4' })).find((alert) => alert.id === acknowledged.id)?.periodCount).toBe(
      acknowledged.periodCount + 1,
    );
  });

  it('acknowledges many alerts with one note, one audit entry each; all or nothing, naming the ones that cannot', async () => {
    const open = await list(county, { status: 'OPEN' });
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = open;
    const done = await county.ok<{ acknowledgeAlerts: AlertNode[] }>(ACKNOWLEDGE, { ids: [a.id, b.id], note: 'Visit planned' });
    expect(done.acknowledgeAlerts.map((alert) => [alert.id, alert.status, alert.acknowledgementNote])).toEqual([
      [a.id, 'ACKNOWLEDGED', 'Visit planned'],
      [b.id, 'ACKNOWLEDGED', 'Visit planned'],
    ]);
    expect(await auditCount('alert.acknowledge', a.id)).toBe(1);
    expect(await auditCount('alert.acknowledge', b.id)).toBe(1);

    // One of them already acknowledged: nothing changes, and the error names it.
    const mixed = await county.request(ACKNOWLEDGE, { ids: [c.id, a.id] });
    expect(reason(mixed)).toEqual(['CONFLICT', 'ALERT_TRANSITION_INVALID']);
    expect(fieldsOf(mixed)).toEqual([a.id]);
    expect((await alertRow(c.id)).status).toBe('OPEN');

    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await county.request(ACKNOWLEDGE, { ids: [c.id, unknown] });
    expect(reason(missing)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(fieldsOf(missing)).toEqual([globalId('Alert', unknown)]);

    const noNote = await county.request(RESOLVE, { ids: [c.id], note: ' ' });
    expect(reason(noNote)).toEqual(['BAD_USER_INPUT', 'INVALID_INPUT']);
    const none = await county.request(ACKNOWLEDGE, { ids: [] });
    expect(reason(none)).toEqual(['BAD_USER_INPUT', 'INVALID_INPUT']);
    const tooMany = await county.request(ACKNOWLEDGE, {
      ids: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    });
    expect(reason(tooMany)).toEqual(['BAD_USER_INPUT', 'INVALID_INPUT']);
    expect((await alertRow(c.id)).status).toBe('OPEN');

    const resolved = await county.ok<{ resolveAlerts: AlertNode[] }>(RESOLVE, { ids: [a.id, c.id], note: 'Mediation held' });
    expect(resolved.resolveAlerts.map((alert) => [alert.status, alert.resolutionNote])).toEqual([
      ['RESOLVED', 'Mediation held'],
      ['RESOLVED', 'Mediation held'],
    ]);
    expect(await auditCount('alert.resolve', c.id)).toBe(1);
  });

  it('refuses a bulk change with an alert outside the jurisdiction slipped in, to auditors and to the anonymous', async () => {
    const [inside] = await list(county, { status: 'OPEN' });
    const outside = (await list(root, { status: 'OPEN', withinId: await regionId('8802') }))[0];
    const swapped = await county.request(ACKNOWLEDGE, { ids: [inside.id, outside.id] });
    expect(reason(swapped)).toEqual(['FORBIDDEN', 'OUT_OF_JURISDICTION']);
    expect(fieldsOf(swapped)).toEqual([outside.id]);
    expect([(await alertRow(inside.id)).status, (await alertRow(outside.id)).status]).toEqual(['OPEN', 'OPEN']);
    expect(errorCode(await (await server.as('auditor')).request(ACKNOWLEDGE, { ids: [inside.id] }))).toBe('FORBIDDEN');
    expect(errorCode(await (await server.as('citizen')).request(RESOLVE, { ids: [inside.id], note: 'x' }))).toBe('FORBIDDEN');
    expect(errorCode(await server.client().request(UNDO, { ids: [inside.id] }))).toBe('UNAUTHENTICATED');
    expect((await alertRow(inside.id)).status).toBe('OPEN');
  });

  it('undoes an acknowledgement for the one who made it, within ten minutes, and refuses every other undo', async () => {
    const [mine, other, old, open] = await list(root, { status: 'OPEN', withinId: await regionId('8803') });
    await root.ok(ACKNOWLEDGE, { ids: [mine.id, old.id] });
    await county.ok(ACKNOWLEDGE, { ids: [(await list(county, { status: 'OPEN' }))[0].id] });
    const someoneElses = (await list(county, { status: 'ACKNOWLEDGED' })).find((alert) => alert.acknowledgedBy === 'county@massline.demo')!;
    await (await server.as('orgRoot')).ok(ACKNOWLEDGE, { ids: [other.id] });

    const undone = await root.ok<{ undoAlertAcknowledgements: AlertNode[] }>(UNDO, { ids: [mine.id] });
    expect(undone.undoAlertAcknowledgements.map((alert) => [alert.status, alert.acknowledgedBy, alert.acknowledgementNote])).toEqual([
      ['OPEN', null, null],
    ]);
    expect(await auditCount('alert.undo-acknowledge', mine.id)).toBe(1);

    const notYours = await root.request(UNDO, { ids: [someoneElses.id] });
    expect(reason(notYours)).toEqual(['CONFLICT', 'ALERT_UNDO_NOT_YOURS']);
    expect(fieldsOf(notYours)).toEqual([someoneElses.id]);

    await sql(`update alert set acknowledged_at = now() - interval '11 minutes' where id = ?`, [uuidOf(old.id)]);
    const tooLate = await root.request(UNDO, { ids: [other.id, old.id] });
    expect(reason(tooLate)).toEqual(['CONFLICT', 'ALERT_UNDO_TOO_LATE']);
    expect(fieldsOf(tooLate)).toEqual([old.id]);
    expect((await alertRow(other.id)).status).toBe('ACKNOWLEDGED');

    const notAcknowledged = await root.request(UNDO, { ids: [open.id] });
    expect(reason(notAcknowledged)).toEqual(['CONFLICT', 'ALERT_TRANSITION_INVALID']);
  });

  it('lets one of four simultaneous bulk acknowledgements win; the others change nothing and get CONFLICT', async () => {
    const ids = (await list(root, { status: 'OPEN', withinId: await regionId('8804') })).slice(0, 3).map((alert) => alert.id);
    expect(ids).toHaveLength(3);
    const clients = await Promise.all([server.as('orgRoot'), server.as('orgRoot'), server.as('orgRoot'), server.as('orgRoot')]);
    const answers = await Promise.all(clients.map((client, i) => client.request(ACKNOWLEDGE, { ids: i % 2 ? ids : [...ids].reverse() })));
    const won = answers.filter((answer) => answer.errors.length === 0);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors.length > 0).map(reason)).toEqual(
      Array.from({ length: 3 }, () => ['CONFLICT', 'ALERT_TRANSITION_INVALID']),
    );
    for (const id of ids) expect(await auditCount('alert.acknowledge', id)).toBe(1);
  });
});
