import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { describe, expect, it, vi } from 'vitest';
import { compiledExecution } from './compiled-execution';

// graphql-jit's own compiler, counted.
vi.mock('graphql-jit', async (importOriginal) => {
  const actual = await importOriginal<typeof import('graphql-jit')>();
  return { ...actual, compileQuery: vi.fn(actual.compileQuery) };
});

/** Which executor called the resolver: graphql-js's interpreter shows in the stack, a compiled operation does not. */
const executedBy = () => (new Error().stack?.includes('graphql/execution/execute') ? 'interpreted' : 'compiled');

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { executedBy: { type: GraphQLString, resolve: executedBy } },
  }),
});

async function executorOf(compileAfter: number, maxCompiled?: number) {
  const gateway = compiledExecution(schema, { compileAfter, maxCompiled });
  let announced: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (announced = apiSchema));
  const { executor } = await gateway.load({ apollo: { graphRef: undefined, key: undefined, keyHash: undefined } });
  expect(announced).toBe(schema);
  return (document: DocumentNode) =>
    executor!({ document, context: {}, request: { variables: {} }, operationName: null } as unknown as Parameters<
      NonNullable<typeof executor>
    >[0]);
}

describe('compiled execution', () => {
  it('interprets a document until it has been asked for compileAfter times, then runs it compiled', async () => {
    const execute = await executorOf(3);
    const document = parse('{ executedBy }');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await execute(document)).data?.executedBy);
    expect(answers).toEqual(['interpreted', 'interpreted', 'compiled', 'compiled', 'compiled']);
  });

  it('counts each document apart: a text asked for once is never compiled', async () => {
    const execute = await executorOf(2);
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await execute(parse(`{ executedBy, n${i}: executedBy }`))).data?.executedBy);
    expect(results).toEqual(['interpreted', 'interpreted', 'interpreted']);
  });

  it('compiles a document once, and keeps at most maxCompiled compiled: the one used longest ago counts again from nothing', async () => {
    const execute = await executorOf(2, 2);
    const [a, b, c] = ['{ a: executedBy }', '{ b: executedBy }', '{ c: executedBy }'].map((text) => parse(text));
    const run = async (documents: DocumentNode[]) => {
      const by = [];
      for (const document of documents) by.push(Object.values((await execute(document)).data ?? {})[0]);
      return by;
    };
    vi.mocked(compileQuery).mockClear();
    expect(await run([a, a, b, b, a, b])).toEqual(['interpreted', 'compiled', 'interpreted', 'compiled', 'compiled', 'compiled']);
    // c takes the place of a (used longest ago); a is interpreted again before it is compiled again.
    expect(await run([c, c, a, a])).toEqual(['interpreted', 'compiled', 'interpreted', 'compiled']);
    expect(vi.mocked(compileQuery).mock.calls.map(([, document]) => document)).toEqual([a, b, c, a]);
  });
});
