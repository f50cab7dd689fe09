import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Scope is a region subtree, enforced in SQL. The organization of Xihe County (880102) must not list,
 * read by id or change anything of its sibling Dongshan County (880101) — and its page counts must not
 * reveal how many such records exist.
 */
describe('jurisdiction scope', () => {
  let server: TestServer;
  let dongshan: ApiClient;
  let xihe: ApiClient;
  let dongshanUserId: string;
  let dongshanTokenId: string;

  beforeAll(async () => {
    server = await startTestServer();
    dongshan = await server.as('orgIn');
    xihe = await server.as('orgOut');
    dongshanUserId = await server.createUser({ email: 'dongshan-resident@massline.test', role: 'CITIZEN', regionCode: '880101002' });
    const created = await dongshan.ok<{ createApiToken: { token: { id: string } } }>(
      'mutation { createApiToken(input: { name: "Dongshan portal", scopes: [REGIONS] }) { token { id } } }',
    );
    dongshanTokenId = created.createApiToken.token.id;
  });
  afterAll(() => server?.close());

  it('lists only the own subtree, and totalCount counts only that', async () => {
    const query = '{ users(first: 100) { totalCount edges { node { email region { path } } } } }';
    const mine = await dongshan.ok<{ users: { totalCount: number; edges: { node: { email: string; region: { path: string } } }[] } }>(
      query,
    );
    const theirs = await xihe.ok<{ users: { totalCount: number; edges: { node: { email: string; region: { path: string } } }[] } }>(query);
    expect(mine.users.edges.every((e) => e.node.region.path.startsWith('/88/8801/880101/'))).toBe(true);
    expect(mine.users.edges.map((e) => e.node.email)).toContain('dongshan-resident@massline.test');
    expect(mine.users.totalCount).toBe(mine.users.edges.length);
    expect(theirs.users.edges.every((e) => e.node.region.path.startsWith('/88/8801/880102/'))).toBe(true);
    expect(theirs.users.totalCount).toBe(theirs.users.edges.length);
    expect(theirs.users.edges.map((e) => e.node.email)).toEqual(['xihe-county@massline.test']);

    const search = await xihe.ok<{ users: { totalCount: number } }>(
      '{ users(first: 1, filter: { search: "dongshan-resident" }) { totalCount } }',
    );
    expect(search.users.totalCount).toBe(0);
    const { regions } = await xihe.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      '{ regions(first: 1, filter: { search: "880101" }) { edges { node { id } } } }',
    );
    const byRegion = await xihe.ok<{ users: { totalCount: number } }>(
      'query ($r: ID) { users(first: 1, filter: { regionId: $r }) { totalCount } }',
      { r: regions.edges[0].node.id },
    );
    expect(byRegion.users.totalCount).toBe(0);

    const tokens = await xihe.ok<{ apiTokens: { totalCount: number } }>('{ apiTokens(first: 100) { totalCount } }');
    expect(tokens.apiTokens.totalCount).toBe(0);
    const audit = await xihe.ok<{ auditEntries: { totalCount: number; edges: { node: { regionPath: string } }[] } }>(
      '{ auditEntries(first: 100) { totalCount edges { node { regionPath } } } }',
    );
    expect(audit.auditEntries.edges.every((e) => e.node.regionPath.startsWith('/88/8801/880102/'))).toBe(true);
    expect(audit.auditEntries.totalCount).toBe(audit.auditEntries.edges.length);
  });

  it('refuses to read a sibling county record by id', async () => {
    expect(errorCode(await xihe.request('query ($id: ID!) { user(id: $id) { email } }', { id: dongshanUserId }))).toBe('FORBIDDEN');
  });

  it('refuses every change to a sibling county record, and nothing is written', async () => {
    const attempts = [
      ['mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: dongshanUserId }],
      ['mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: dongshanTokenId }],
    ] as const;
    for (const [document, variables] of attempts) expect(errorCode(await xihe.request(document, variables))).toBe('FORBIDDEN');
    const { regions } = await xihe.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      '{ regions(first: 1, filter: { search: "880101001" }) { edges { node { id } } } }',
    );
    const township = regions.edges[0].node.id;
    const more = [
      [
        'mutation ($r: ID!) { setRegionStatistics(input: { regionId: $r, period: "2026", population: 1, households: 1 }) { id } }',
        { r: township },
      ],
      ['mutation ($r: ID!) { createOrganization(input: { name: "Intruders", regionId: $r }) { id } }', { r: township }],
      [
        'mutation ($r: ID!) { createUser(input: { email: "x@massline.test", displayName: "x", role: CITIZEN, password: "a-long-password", regionId: $r }) { id } }',
        { r: township },
      ],
    ] as const;
    for (const [document, variables] of more) expect(errorCode(await xihe.request(document, variables))).toBe('FORBIDDEN');

    const check = await dongshan.ok<{
      user: { active: boolean };
      apiTokens: { edges: { node: { revokedAt: string | null } }[] };
      users: { totalCount: number };
    }>(
      'query ($id: ID!) { user(id: $id) { active } apiTokens(first: 10) { edges { node { revokedAt } } } users(first: 1, filter: { search: "x@massline.test" }) { totalCount } }',
      { id: dongshanUserId },
    );
    expect(check.user.active).toBe(true);
    expect(check.apiTokens.edges.every((e) => e.node.revokedAt === null)).toBe(true);
    expect(check.users.totalCount).toBe(0);
  });

  it('the province organization (root) sees both counties; the auditor of the city reads but changes nothing', async () => {
    const root = await server.as('orgRoot');
    const { user } = await root.ok<{ user: { email: string } }>('query ($id: ID!) { user(id: $id) { email } }', { id: dongshanUserId });
    expect(user.email).toBe('dongshan-resident@massline.test');
    const auditor = await server.as('auditor');
    const read = await auditor.ok<{ user: { email: string } }>('query ($id: ID!) { user(id: $id) { email } }', { id: dongshanUserId });
    expect(read.user.email).toBe('dongshan-resident@massline.test');
    expect(errorCode(await auditor.request('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: dongshanUserId }))).toBe(
      'FORBIDDEN',
    );
  });
});
