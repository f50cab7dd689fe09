import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Property-based fuzzing of every mutation: inputs generated from the schema's own argument types —
 * hostile text (control characters, direction overrides, lone surrogates, huge and empty strings),
 * extreme numbers, ids real and made up — sent as the root organization. Whatever comes in, the answer is
 * a result or a coded refusal: never an internal error, and a refused mutation writes nothing.
 */
describe('every mutation, fuzzed', () => {
  let server: TestServer;
  let root: ApiClient;
  let realIds: string[];
  /** Tables a refused request may still write: its audit and security trail, sessions, sign-in throttling. */
  const TRAIL = new Set(['audit_entry', 'security_event', 'session', 'sign_in_throttle', 'mikro_orm_migrations']);

  const owner = () => server.ownerOrm.em.fork().getConnection();

  /** Rows of every table but the trail: what a refused mutation must leave as it was. */
  async function fingerprint(): Promise<Record<string, number>> {
    const tables = (await owner().execute<{ name: string }[]>(`select tablename as name from pg_tables where schemaname = 'public'`))
      .map((row) => row.name)
      .filter((name) => !TRAIL.has(name))
      .sort();
    const counts = await owner().execute<{ name: string; n: string }[]>(
      tables.map((name) => `select '${name}' as name, count(*)::text as n from "${name}"`).join(' union all '),
    );
    return Object.fromEntries(counts.map((row) => [row.name, Number(row.n)]));
  }

  const hostileText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u202Eb',
      '\uD800',
      '=cmd|calc',
      "'; drop table region; --",
      'x'.repeat(5000),
      '清河省',
      'Cafe\u0301',
    ),
  );
  const number = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 31, 5e-324),
  );

  function arbitraryOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return arbitraryOf(type.ofType, depth);
    const nullable = (inner: fc.Arbitrary<unknown>) =>
      fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
    if (isListType(type)) return nullable(fc.array(arbitraryOf(type.ofType, depth + 1), { maxLength: 4 }));
    const named = getNamedType(type);
    if (isEnumType(named)) return nullable(fc.constantFrom(...named.getValues().map((value) => value.value as string)));
    if (isInputObjectType(named)) {
      if (depth > 3) return fc.constant(null);
      const fields = Object.values(named.getFields());
      return nullable(fc.record(Object.fromEntries(fields.map((field) => [field.name, arbitraryOf(field.type, depth + 1)]))));
    }
    if (isScalarType(named)) {
      switch (named.name) {
        case 'Int':
          return nullable(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(-2147483648, 2147483647)));
        case 'Float':
          return nullable(number);
        case 'Boolean':
          return nullable(fc.boolean());
        case 'ID':
          return nullable(fc.oneof(fc.constantFrom(...realIds), fc.uuid(), hostileText));
        case 'DateTime':
          return nullable(
            fc.oneof(
              fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
              hostileText,
            ),
          );
        default:
          return nullable(hostileText);
      }
    }
    return fc.constant(null);
  }

  function documentOf(field: GraphQLField<unknown, unknown>): string {
    const variables = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
    return `mutation${variables ? ` (${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  }

  beforeAll(async () => {
    server = await startTestServer({ requestsPerAddressPerMinute: 1_000_000 });
    root = await server.as('orgRoot');
    const regions = await owner().execute<{ id: string }[]>(`select id from region order by code limit 20`);
    const organizations = await owner().execute<{ id: string }[]>(`select id from organization order by name limit 5`);
    realIds = [...regions, ...organizations].map((row) => row.id);
  });
  afterAll(() => server?.close());

  /** Operations that end the fuzzing session itself; their refusals are tested where they live. */
  const SESSION_ENDING = new Set(['signOut', 'deactivateOrganization', 'deactivateUser']);

  it('answers every generated input with a result or a coded refusal, and a refusal writes nothing', async () => {
    const mutations = Object.values(server.app.schema.schema.getMutationType()!.getFields()).filter(
      (field) => !SESSION_ENDING.has(field.name),
    );
    expect(mutations.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const mutation of mutations) {
      // A fresh session per operation: a registration that goes through signs its new citizen in.
      root = await server.as('orgRoot');
      const document = documentOf(mutation);
      const variables = fc.record(Object.fromEntries(mutation.args.map((arg) => [arg.name, arbitraryOf(arg.type)])));
      await fc
        .assert(
          fc.asyncProperty(variables, async (input) => {
            const before = await fingerprint();
            const answer = await root.request(document, input as Record<string, unknown>);
            const internal = answer.status >= 500 || answer.errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
            if (internal) failures.push(`${mutation.name} ${JSON.stringify(input).slice(0, 300)} → ${JSON.stringify(answer.errors)}`);
            if (answer.errors.length > 0 && answer.data === null) {
              const after = await fingerprint();
              if (JSON.stringify(after) !== JSON.stringify(before))
                failures.push(`${mutation.name} refused but wrote: ${JSON.stringify(input)}`);
            }
            return !internal;
          }),
          { numRuns: 25, seed: 20261129, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    // 25 runs of every mutation, each with two fingerprints: the work grows with every mutation the schema gains.
  }, 180_000);
});
