import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, GraphQLAnswer } from '../support/api-client';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * An operation is interpreted by graphql-js its first two times and compiled by graphql-jit from the
 * third (server/src/app/compiled-execution.ts). Whichever runs it, a caller gets the same answer, byte
 * for byte: data, partial results with each error at its path and code, abstract types, directives,
 * fragments and aliases, refusals of mutations, and variables refused with 400 and BAD_USER_INPUT.
 */
describe('compiled execution', () => {
  let server: TestServer;
  let token: ApiClient;
  let orgIn: ApiClient;
  let anonymous: ApiClient;
  let dongshanId: string;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.as('token');
    orgIn = await server.as('orgIn');
    anonymous = await server.as('anonymous');
    dongshanId = await token.regionId('880101');
    userId = globalId('User', await server.createUser({ email: 'compiled@massline.test', role: 'CITIZEN', regionCode: '880101001' }));
  });
  afterAll(() => server?.close());

  /** The answer's parts a caller sees, without the per-request headers and cost budget. */
  const seen = (answer: GraphQLAnswer) => ({ status: answer.status, data: answer.data, errors: answer.errors });

  /** Sends the same request five times (two interpreted, three compiled) and returns the answers. */
  async function fiveTimes(client: ApiClient, query: string, variables: Record<string, unknown> = {}) {
    const answers: ReturnType<typeof seen>[] = [];
    for (let i = 0; i < 5; i++) answers.push(seen(await client.request(query, variables)));
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    return answers[0];
  }

  it('answers a list with nested objects, computed fields and aliases the same', async () => {
    const answer = await fiveTimes(
      anonymous,
      `query ($parent: ID) {
        assessments(first: 5, filter: { parentId: $parent }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id region { id code nameEn } index grade rank change scores { code normalizedScore contribution } } }
        }
        top: regions(first: 2, orderBy: { field: CODE, direction: ASC }) { edges { node { id code kind: __typename } } }
      }`,
      { parent: null },
    );
    expect(answer.errors).toEqual([]);
    const data = answer.data as { assessments: { edges: unknown[] }; top: { edges: { node: { kind: string } }[] } };
    expect(data.assessments.edges.length).toBeGreaterThan(0);
    expect(data.top.edges.map((edge) => edge.node.kind)).toEqual(['Region', 'Region']);
  });

  it('keeps the rest of the answer when lookups are unknown or forbidden, each error at its path', async () => {
    const answer = await fiveTimes(
      token,
      'query ($region: ID!, $user: ID!) { regions(first: 1) { totalCount } region(id: $region) { name } user(id: $user) { email } }',
      { region: UNKNOWN, user: userId },
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ regions: { totalCount: expect.any(Number) }, region: null, user: null });
    expect(Object.fromEntries(answer.errors.map((error) => [error.path?.join('.'), error.extensions?.code]))).toEqual({
      region: 'NOT_FOUND',
      user: 'FORBIDDEN',
    });
  });

  it('resolves Node to its type in node and nodes, with fragments, directives and each refusal at its index', async () => {
    const answer = await fiveTimes(
      anonymous,
      `query ($region: ID!, $ids: [ID!]!, $withCode: Boolean!) {
        node(id: $region) { __typename id ...RegionParts }
        nodes(ids: $ids) { __typename ... on Region { code @include(if: $withCode) name @skip(if: $withCode) } }
      }
      fragment RegionParts on Region { code parent { id } }`,
      { region: dongshanId, ids: [dongshanId, 'not-a-global-id', userId, globalId('Region', UNKNOWN)], withCode: true },
    );
    const data = answer.data as { node: { __typename: string; code: string }; nodes: ({ __typename: string; code?: string } | null)[] };
    expect(data.node).toMatchObject({ __typename: 'Region', code: '880101' });
    expect(data.nodes[0]).toEqual({ __typename: 'Region', code: '880101' });
    expect(data.nodes.slice(1)).toEqual([null, null, null]);
    expect(answer.errors.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
      ['nodes.1', 'BAD_USER_INPUT'],
      ['nodes.2', 'UNAUTHENTICATED'],
      ['nodes.3', 'NOT_FOUND'],
    ]);
  });

  it('refuses a mutation with the same coded error, writing nothing', async () => {
    const answer = await fiveTimes(orgIn, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { name: '', regionId: dongshanId },
    });
    expect(answer.data).toBeNull();
    expect(answer.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses variables that cannot be coerced with 400 and BAD_USER_INPUT, as graphql-js words it', async () => {
    const answer = await fiveTimes(anonymous, 'query ($first: Int!) { regions(first: $first) { totalCount } }', { first: 'many' });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$first" got invalid value "many"; Int cannot represent non-integer value: "many"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});
