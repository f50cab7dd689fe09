import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

interface Entry {
  action: string;
  actorKind: string;
  actorLabel: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  regionPath: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  clientRequestId: string | null;
  region: { code: string; name: string; nameEn: string } | null;
}
const ENTRIES = `query ($filter: AuditEntryFilter) { auditEntries(first: 20, filter: $filter) { totalCount edges { node {
  action actorKind actorLabel actorRole subjectType subjectId regionPath before after requestId clientRequestId
  region { code name nameEn } } } } }`;

describe('audit log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("records every change with actor, role, before and after, and the server's request id beside the client's", async () => {
    const county = await server.as('orgIn');
    const id = await server.createUser({ email: 'audited@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    const answer = await county.request(
      'mutation ($id: ID!) { deactivateUser(id: $id) { id } }',
      { id },
      { 'x-request-id': 'req-audit-1' },
    );
    expect(answer.errors).toEqual([]);
    // The request id is the server's: a client's header is kept apart, never taken as ours.
    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const auditor = await server.as('auditor');
    const { auditEntries } = await auditor.ok<{ auditEntries: { edges: { node: Entry }[] } }>(ENTRIES, { filter: { subjectId: id } });
    expect(auditEntries.edges).toHaveLength(1);
    const entry = auditEntries.edges[0].node;
    expect(entry).toMatchObject({
      action: 'user.deactivate',
      actorKind: 'USER',
      actorLabel: 'county@massline.demo',
      actorRole: 'ORGANIZATION',
      subjectType: 'User',
      regionPath: '/88/8801/880101/880101001/',
      requestId,
      clientRequestId: 'req-audit-1',
    });
    // The region by its names (the console shows them, not the path), from the path the entry keeps.
    expect(entry.region).toMatchObject({ code: '880101001' });
    expect(entry.region?.name).toMatch(/\p{Script=Han}/u);
    expect(entry.region?.nameEn).toMatch(/[A-Za-z]/);
    expect(entry.before).toMatchObject({ active: true, email: 'audited@massline.test' });
    expect(entry.after).toMatchObject({ active: false });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|passwordHash/);
  });

  it('filters by action and time, newest first', async () => {
    const county = await server.as('orgIn');
    const dongshanId = await county.regionId('880101');
    const before = new Date(Date.now() - 1000).toISOString();
    for (const population of [200000, 201000]) {
      await county.ok(
        'mutation ($r: ID!, $p: Int!) { setRegionStatistics(input: { regionId: $r, period: "2026-Q1", population: $p, households: 70000 }) { id } }',
        {
          r: dongshanId,
          p: population,
        },
      );
    }
    const { auditEntries } = await county.ok<{ auditEntries: { totalCount: number; edges: { node: Entry }[] } }>(ENTRIES, {
      filter: { action: 'region.statistics.set', from: before },
    });
    expect(auditEntries.totalCount).toBe(2);
    expect(auditEntries.edges[0].node.after).toMatchObject({ population: 201000 });
    expect(auditEntries.edges[0].node.before).toMatchObject({ population: 200000 });
    expect(auditEntries.edges[1].node.before).toBeNull();
  });

  it('records platform-wide changes in the root jurisdiction: the province reads them, a county and a city do not', async () => {
    const root = await server.as('orgRoot');
    await root.ok(
      `mutation { createIndicator(input: { code: "AUDITED_X", nameEn: "Audited", nameZh: "审计", unitEn: "%", unitZh: "%", direction: HIGHER_IS_BETTER, rateBasis: PERCENT, goalpostLower: 0, goalpostUpper: 100 }) { id } }`,
    );
    const count = async (actor: 'orgRoot' | 'orgIn' | 'auditor') =>
      (
        await (
          await server.as(actor)
        ).ok<{ auditEntries: { totalCount: number; edges: { node: Entry }[] } }>(ENTRIES, { filter: { action: 'indicator.create' } })
      ).auditEntries;
    const seen = await count('orgRoot');
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node.regionPath).toBe('/88/');
    expect((await count('orgIn')).totalCount).toBe(0);
    expect((await count('auditor')).totalCount).toBe(0);
  });

  it('a refused change leaves no audit entry', async () => {
    const xihe = await server.as('orgOut');
    const id = await server.createUser({ email: 'untouched@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    await xihe.request('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id });
    const root = await server.as('orgRoot');
    const { auditEntries } = await root.ok<{ auditEntries: { totalCount: number } }>(ENTRIES, { filter: { subjectId: id } });
    expect(auditEntries.totalCount).toBe(0);
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE of the audit table, even for the tables' owner", async () => {
    const connection = server.ownerOrm.em.fork().getConnection();
    const [{ count }] = await connection.execute<{ count: string }[]>('select count(*)::text as count from audit_entry');
    expect(Number(count)).toBeGreaterThan(0);
    await expect(connection.execute(`update audit_entry set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
    await expect(connection.execute('truncate audit_entry')).rejects.toThrow(/append-only/);
    const [{ count: after }] = await connection.execute<{ count: string }[]>('select count(*)::text as count from audit_entry');
    expect(after).toBe(count);
    const [{ forged }] = await connection.execute<{ forged: string }[]>(
      `select count(*)::text as forged from audit_entry where action = 'forged'`,
    );
    expect(forged).toBe('0');
  });
});
