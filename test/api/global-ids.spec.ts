import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { globalId, typeOf, uuidOf } from '../support/global-id';
import { statementCounter } from '../support/statement-counter';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Global object identification: every object's `id` is an opaque global id naming its type, every id
 * argument takes it (or a raw uuid), and `node`/`nodes` fetch any object through its type's own lookup,
 * with the same permissions, one statement per type however many ids.
 */
describe('global ids, node and nodes', () => {
  let server: TestServer;
  let orgIn: ApiClient;
  let orgOut: ApiClient;
  let anonymous: ApiClient;
  let dongshan: { id: string; code: string };
  let dongshanUserId: string;
  let statements: ReturnType<typeof statementCounter>;

  const sql = async <T>(query: string, params: unknown[] = []) =>
    (await server.orm.em.fork().getConnection().execute(query, params)) as T[];

  beforeAll(async () => {
    server = await startTestServer();
    statements = statementCounter(server);
    orgIn = await server.as('orgIn');
    orgOut = await server.as('orgOut');
    anonymous = await server.as('anonymous');
    const { regions } = await anonymous.ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
      '{ regions(first: 1, filter: { search: "880101" }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code } } } }',
    );
    dongshan = regions.edges[0].node;
    dongshanUserId = await server.createUser({ email: 'global-id-citizen@massline.test', role: 'CITIZEN', regionCode: '880101001' });
  });
  afterAll(() => server?.close());

  it("makes the node of every connection a Node, but the computed assessments (the schema lint's exemption)", () => {
    const { schema } = server.app.schema;
    const nodes = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && type.name.endsWith('Edge'))
      .map((edge) => getNamedType(edge.getFields().node.type))
      .filter((node) => !(isObjectType(node) && node.getInterfaces().some((face) => face.name === 'Node')))
      .map((node) => node.name);
    expect(nodes.sort()).toEqual(['AssessmentView']);
  });

  it('gives every object an opaque id that names its type and decodes to its row', async () => {
    expect(typeOf(dongshan.id)).toBe('Region');
    const [row] = await sql<{ id: string }>('select id from region where code = ?', [dongshan.code]);
    expect(uuidOf(dongshan.id)).toBe(row.id);
    expect(dongshan.id).not.toContain(row.id);
    const { user } = await orgIn.ok<{ user: { id: string; region: { id: string } } }>(
      'query ($id: ID!) { user(id: $id) { id region { id } } }',
      {
        id: globalId('User', dongshanUserId),
      },
    );
    expect(typeOf(user.id)).toBe('User');
    expect(uuidOf(user.id)).toBe(dongshanUserId);
    expect(typeOf(user.region.id)).toBe('Region');
  });

  it('takes a global id or a raw uuid in arguments and inputs, and refuses an id of another type', async () => {
    const raw = uuidOf(dongshan.id);
    for (const id of [dongshan.id, raw]) {
      const { region } = await anonymous.ok<{ region: { code: string } }>('query ($id: ID!) { region(id: $id) { code } }', { id });
      expect(region.code).toBe(dongshan.code);
      const { regions } = await anonymous.ok<{ regions: { totalCount: number } }>(
        'query ($id: ID) { regions(first: 1, filter: { parentId: $id }) { totalCount } }',
        { id },
      );
      expect(regions.totalCount).toBeGreaterThan(0);
    }
    const wrongType = await anonymous.request('query ($id: ID!) { region(id: $id) { code } }', { id: globalId('User', raw) });
    expect(wrongType.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    const wrongInput = await anonymous.request('query ($id: ID) { regions(first: 1, filter: { parentId: $id }) { totalCount } }', {
      id: globalId('Organization', raw),
    });
    expect(wrongInput.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      fields: { parentId: expect.any(String) },
    });
    const garbage = await anonymous.request('query ($id: ID!) { region(id: $id) { code } }', { id: 'not-an-id' });
    expect(garbage.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });

  it('fetches each type through node, as its own lookup does', async () => {
    const root = await server.as('orgRoot');
    const { methodologyVersion } = await anonymous.ok<{ methodologyVersion: { id: string } }>('{ methodologyVersion { id } }');
    const { indicators } = await anonymous.ok<{ indicators: { edges: { node: { id: string } }[] } }>(
      '{ indicators(first: 1) { edges { node { id } } } }',
    );
    const { organizations, cadres, posts, terms } = await anonymous.ok<Record<string, { edges: { node: { id: string } }[] }>>(
      '{ organizations(first: 1) { edges { node { id } } } cadres(first: 1) { edges { node { id } } } posts(first: 1) { edges { node { id } } } terms(first: 1) { edges { node { id } } } }',
    );
    const { observations, alerts, auditEntries, apiTokens } = await root.ok<Record<string, { edges: { node: { id: string } }[] }>>(
      '{ observations(first: 1) { edges { node { id } } } alerts(first: 1) { edges { node { id } } } auditEntries(first: 1) { edges { node { id } } } apiTokens(first: 1) { edges { node { id } } } }',
    );
    const ids = [
      dongshan.id,
      globalId('User', dongshanUserId),
      methodologyVersion.id,
      indicators.edges[0].node.id,
      organizations.edges[0].node.id,
      observations.edges[0].node.id,
      alerts.edges[0]?.node.id,
      auditEntries.edges[0].node.id,
      apiTokens.edges[0]?.node.id,
      cadres.edges[0].node.id,
      posts.edges[0].node.id,
      terms.edges[0].node.id,
    ].filter((id): id is string => Boolean(id));
    for (const id of ids) {
      const answer = await root.request<{ node: { __typename: string; id: string } | null }>(
        'query ($id: ID!) { node(id: $id) { __typename id } }',
        { id },
      );
      expect(answer.errors, id).toEqual([]);
      expect(answer.data?.node).toEqual({ __typename: typeOf(id), id });
    }
  });

  it('answers node like the type lookup: not found, forbidden and unauthenticated are null with the error at its path', async () => {
    const missing = await orgIn.request<{ node: unknown; regions: { totalCount: number } }>(
      'query ($id: ID!) { regions(first: 1) { totalCount } node(id: $id) { id } }',
      { id: globalId('Region', '00000000-0000-4000-8000-000000000000') },
    );
    expect(missing.data?.regions.totalCount).toBeGreaterThan(0);
    expect(missing.data?.node).toBeNull();
    expect(missing.errors).toMatchObject([{ path: ['node'], extensions: { code: 'NOT_FOUND' } }]);

    // Id swap: Dongshan's citizen, asked for by the organization of the neighbouring county.
    const swapped = await orgOut.request<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: globalId('User', dongshanUserId),
    });
    expect(swapped.data?.node).toBeNull();
    expect(swapped.errors).toMatchObject([{ path: ['node'], extensions: { code: 'FORBIDDEN' } }]);
    const own = await orgOut.request<{ user: unknown }>('query ($id: ID!) { user(id: $id) { id } }', {
      id: globalId('User', dongshanUserId),
    });
    expect(own.errors[0].extensions?.code).toBe('FORBIDDEN');

    const signedOut = await anonymous.request<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: globalId('User', dongshanUserId),
    });
    expect(signedOut.errors).toMatchObject([{ path: ['node'], extensions: { code: 'UNAUTHENTICATED' } }]);

    const rawUuid = await anonymous.request<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: uuidOf(dongshan.id) });
    expect(rawUuid.errors).toMatchObject([{ path: ['node'], extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ID' } }]);
  });

  it('answers nodes item by item, in the order asked, each refusal at its index', async () => {
    const answer = await orgOut.request<{ nodes: ({ id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Region { code } } }',
      {
        ids: [dongshan.id, globalId('Region', '00000000-0000-4000-8000-000000000000'), globalId('User', dongshanUserId)],
      },
    );
    expect(answer.data?.nodes).toEqual([{ id: dongshan.id, code: dongshan.code }, null, null]);
    expect(answer.errors.map((error) => [error.path, error.extensions?.code])).toEqual(
      expect.arrayContaining([
        [['nodes', 1], 'NOT_FOUND'],
        [['nodes', 2], 'FORBIDDEN'],
      ]),
    );
    const tooMany = await anonymous.request('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(dongshan.id) });
    expect(tooMany.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_IDS' });
  });

  it('costs the same statements for one id of each type as for many', async () => {
    const { regions } = await anonymous.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      '{ regions(first: 60) { edges { node { id } } } }',
    );
    const { users } = await orgIn.ok<{ users: { edges: { node: { id: string } }[] } }>('{ users(first: 30) { edges { node { id } } } }');
    const measure = async (ids: string[]) => {
      statements.reset();
      const { nodes } = await orgIn.ok<{ nodes: unknown[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(nodes.every(Boolean)).toBe(true);
      return statements.count;
    };
    const one = await measure([regions.edges[0].node.id, users.edges[0].node.id]);
    const many = await measure([...regions.edges.map((e) => e.node.id), ...users.edges.map((e) => e.node.id)]);
    expect(regions.edges.length + users.edges.length).toBeGreaterThan(40);
    expect(many).toBe(one);
  });
});
