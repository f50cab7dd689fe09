import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * Lookups by id are nullable: an unknown id, or one the caller may not read, is null with its error at
 * its path, and the rest of the response stands (as GitHub's API answers). Checked with the demo token,
 * as a third party would.
 */
describe('partial results', () => {
  let server: TestServer;
  let token: ApiClient;
  let orgIn: ApiClient;
  let orgOut: ApiClient;
  let citizen: ApiClient;
  let dongshanId: string;
  let dongshanUserId: string;
  let dongshanOrganizationId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.as('token');
    orgIn = await server.as('orgIn');
    orgOut = await server.as('orgOut');
    citizen = await server.as('citizen');
    const { regions } = await token.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      '{ regions(first: 1, filter: { search: "880101" }, orderBy: { field: CODE, direction: ASC }) { edges { node { id } } } }',
    );
    dongshanId = regions.edges[0].node.id;
    const { organizations } = await token.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
      'query ($r: ID) { organizations(first: 1, filter: { regionId: $r }) { edges { node { id } } } }',
      { r: dongshanId },
    );
    dongshanOrganizationId = organizations.edges[0].node.id;
    dongshanUserId = globalId(
      'User',
      await server.createUser({ email: 'partial@massline.test', role: 'CITIZEN', regionCode: '880101001' }),
    );
  });
  afterAll(() => server?.close());

  it('keeps the list when one lookup is unknown and another is forbidden, each error at its path', async () => {
    const answer = await token.request<{ regions: { totalCount: number }; region: null; user: null }>(
      'query ($region: ID!, $user: ID!) { regions(first: 1) { totalCount } region(id: $region) { name } user(id: $user) { email } }',
      { region: UNKNOWN, user: dongshanUserId },
    );
    expect(answer.status).toBe(200);
    expect(answer.data?.regions.totalCount).toBeGreaterThan(0);
    expect(answer.data?.region).toBeNull();
    expect(answer.data?.user).toBeNull();
    const byPath = Object.fromEntries(answer.errors.map((error) => [error.path?.join('.'), error.extensions?.code]));
    expect(byPath).toEqual({ region: 'NOT_FOUND', user: 'FORBIDDEN' });
  });

  // Each lookup: found, not found, forbidden — the two refusals beside a field that is answered.
  const LOOKUPS: {
    name: string;
    /** The field, asking for `$id` of this GraphQL type. */
    document: string;
    idType: 'ID!' | 'ID';
    found(): { client: ApiClient; id: string | null };
    unknown: string;
    forbidden?(): { client: ApiClient; id: string };
  }[] = [
    {
      name: 'region',
      idType: 'ID!',
      document: 'region(id: $id) { id }',
      found: () => ({ client: token, id: dongshanId }),
      unknown: UNKNOWN,
    },
    {
      name: 'organization',
      idType: 'ID!',
      document: 'organization(id: $id) { id }',
      found: () => ({ client: token, id: dongshanOrganizationId }),
      unknown: globalId('Organization', UNKNOWN),
    },
    {
      name: 'user',
      idType: 'ID!',
      document: 'user(id: $id) { id }',
      found: () => ({ client: orgIn, id: dongshanUserId }),
      unknown: UNKNOWN,
      forbidden: () => ({ client: orgOut, id: dongshanUserId }),
    },
    {
      name: 'methodologyVersion',
      idType: 'ID',
      document: 'methodologyVersion(id: $id) { id }',
      found: () => ({ client: token, id: null }),
      unknown: globalId('MethodologyVersion', UNKNOWN),
    },
    {
      name: 'sensitivityRun',
      idType: 'ID!',
      document: 'sensitivityRun(id: $id) { id }',
      found: () => ({ client: orgIn, id: null }),
      unknown: UNKNOWN,
      forbidden: () => ({ client: citizen, id: UNKNOWN }),
    },
    {
      name: 'statisticalChecks',
      idType: 'ID',
      document: 'statisticalChecks(period: "2026-Q2", level: COUNTY, methodologyVersionId: $id) { period }',
      found: () => ({ client: orgIn, id: null }),
      unknown: globalId('MethodologyVersion', UNKNOWN),
      forbidden: () => ({ client: citizen, id: UNKNOWN }),
    },
  ];

  it.each(LOOKUPS)('$name: found, unknown (NOT_FOUND) and forbidden (FORBIDDEN) at its path, beside an answered field', async (lookup) => {
    const query = (type: string) => `query ($id: ${type}) { me { role } ${lookup.document} }`;
    const argumentType = lookup.idType;
    const { client, id } = lookup.found();
    if (lookup.name === 'sensitivityRun') {
      const started = await client.ok<{ startSensitivityRun: { id: string } }>(
        'mutation ($r: ID!) { startSensitivityRun(input: { period: "2026-Q2", parentId: $r, runs: 20 }) { id } }',
        { r: dongshanId },
      );
      const found = await client.request<Record<string, { id: string } | null>>(query(argumentType), {
        id: started.startSensitivityRun.id,
      });
      expect(found.errors).toEqual([]);
      expect(found.data?.[lookup.name]?.id).toBe(started.startSensitivityRun.id);
      await server.app.services.harmony.sensitivity.settle();
    } else {
      const found = await client.request<Record<string, unknown>>(query(argumentType), { id });
      expect(found.errors).toEqual([]);
      expect(found.data?.[lookup.name]).not.toBeNull();
    }

    const missing = await client.request<Record<string, unknown>>(query(argumentType), { id: lookup.unknown });
    expect(missing.data?.me).toEqual({ role: expect.any(String) });
    expect(missing.data?.[lookup.name]).toBeNull();
    expect(missing.errors).toMatchObject([{ path: [lookup.name], extensions: { code: 'NOT_FOUND' } }]);

    if (lookup.forbidden) {
      const refused = lookup.forbidden();
      const answer = await refused.client.request<Record<string, unknown>>(query(argumentType), { id: refused.id });
      expect(answer.data?.me).toEqual({ role: expect.any(String) });
      expect(answer.data?.[lookup.name]).toBeNull();
      expect(answer.errors).toMatchObject([{ path: [lookup.name], extensions: { code: 'FORBIDDEN' } }]);
    }
  });
});
