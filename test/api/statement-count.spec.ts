import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCounter } from '../support/statement-counter';
import { startTestServer, type TestServer } from '../support/test-server';
import { CREATE_VERDICT_SETTINGS, verdictSettingsInput } from '../support/verdict-settings-fixtures';

/**
 * Standing budget: a list query issues as many SQL statements for 1 row as for 100 (no N+1). Statements
 * are counted at the driver, for the GraphQL request only (authentication included).
 */
describe('SQL statements per list query', () => {
  let server: TestServer;
  let statements: ReturnType<typeof statementCounter>;
  beforeAll(async () => {
    server = await startTestServer();
    statements = statementCounter(server);
  });
  afterAll(() => server?.close());

  // Filters and orders chosen so that the single row has every relation the query asks for: the count
  // compared is then the worst case of one row against many rows.
  const LISTS: Record<string, string> = {
    regions:
      'query ($n: Int!) { regions(first: $n, filter: { level: TOWNSHIP }, orderBy: { field: CODE, direction: DESC }) { totalCount edges { node { code name parent { code parent { code } } statistics { period population households } } } } }',
    users:
      'query ($n: Int!) { users(first: $n, filter: { role: ORGANIZATION }, orderBy: { field: EMAIL, direction: ASC }) { totalCount edges { node { email region { code parent { code } } organization { name region { code } } } } } }',
    organizations:
      'query ($n: Int!) { organizations(first: $n, filter: { search: "镇" }) { totalCount edges { node { name region { code name parent { code } } } } } }',
    apiTokens: 'query ($n: Int!) { apiTokens(first: $n) { totalCount edges { node { name createdByName region { code } } } } }',
    auditEntries: 'query ($n: Int!) { auditEntries(first: $n) { totalCount edges { node { action actorLabel region { name nameEn } } } } }',
    mySessions: 'query ($n: Int!) { mySessions(first: $n) { totalCount edges { node { id createdAt lastSeenAt device current } } } }',
    cadres:
      'query ($n: Int!) { cadres(first: $n) { totalCount edges { node { name region { code parent { code } } terms { startsOn current post { title region { code } holder { cadre { name } } } } } } } }',
    posts:
      'query ($n: Int!) { posts(first: $n, filter: { level: COUNTY }) { totalCount edges { node { title titleZh level region { code } organization { name region { code } } holder { startsOn cadre { name terms { endsOn } } } } } } }',
    terms:
      'query ($n: Int!) { terms(first: $n, filter: { current: false }) { totalCount edges { node { startsOn endsOn endedOn endReason current cadre { name region { code } } post { title region { code } organization { name } holder { cadre { name } } } } } } }',
    notifications:
      'query ($n: Int!) { notifications(first: $n) { totalCount edges { node { kind read readAt subjectId title titleZh closesAt createdAt } } } }',
    verdictSettingsVersions:
      'query ($n: Int!) { verdictSettingsVersions(first: $n) { totalCount edges { node { version active note settings createdAt activatedAt } } } }',
  };

  it.each(Object.entries(LISTS))('%s: same statements for 1 row as for many', async (name, query) => {
    const root = await server.as('orgRoot');
    // Enough rows for a real comparison.
    for (let i = 0; i < 12; i++) {
      await server.createUser({
        email: `bulk-${name}-${i}@massline.test`,
        role: name === 'users' ? 'ORGANIZATION' : 'CITIZEN',
        regionCode: '880101001',
      });
      if (name === 'apiTokens') await root.ok(`mutation { createApiToken(input: { name: "bulk ${i}", scopes: [REGIONS] }) { secret } }`);
      // Another session of the same person: the list is the caller's own sessions.
      if (name === 'mySessions') await server.as('orgRoot');
      if (name === 'verdictSettingsVersions') await root.ok(CREATE_VERDICT_SETTINGS, { input: verdictSettingsInput() });
      if (name === 'notifications') {
        await server.ownerOrm.em
          .fork()
          .getConnection()
          .execute(
            `insert into notification (id, user_id, kind, params, subject_id) select gen_random_uuid(), id, 'CAMPAIGN_OPENED',
               '{"title":"Autumn review","titleZh":"秋季评议","closesAt":"2026-12-15T12:00:00.000Z"}', gen_random_uuid() from app_user where email = ?`,
            ['province@massline.demo'],
          );
      }
    }
    const measure = async (n: number) => {
      statements.reset();
      const data = await root.ok<Record<string, { edges: unknown[] }>>(query, { n });
      return { statements: statements.count, rows: data[name].edges.length };
    };
    const one = await measure(1);
    const many = await measure(100);
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThan(10);
    expect(many.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(8);
  });

  it('a page after or before a cursor costs the same statements as the first page (the count also says what lies beyond)', async () => {
    const root = await server.as('orgRoot');
    const query = `query ($first: Int, $after: String, $last: Int, $before: String) {
      users(first: $first, after: $after, last: $last, before: $before) { totalCount edges { node { email region { code } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    type Users = { users: { edges: unknown[]; pageInfo: { startCursor: string; endCursor: string } } };
    const measure = async (variables: Record<string, unknown>) => {
      statements.reset();
      const data = await root.ok<Users>(query, variables);
      return { statements: statements.count, data };
    };
    const head = await measure({ first: 3 });
    const middle = await measure({ first: 3, after: head.data.users.pageInfo.endCursor });
    const many = await measure({ first: 100, after: head.data.users.pageInfo.endCursor });
    const back = await measure({ last: 2, before: middle.data.users.pageInfo.startCursor });
    expect(middle.data.users.edges).toHaveLength(3);
    expect(many.data.users.edges.length).toBeGreaterThan(10);
    expect(back.data.users.edges).toHaveLength(2);
    expect([middle.statements, many.statements, back.statements]).toEqual([head.statements, head.statements, head.statements]);
  });
});
