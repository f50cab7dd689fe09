import { buildSchema, executeSync, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './selection';

const schema = buildSchema(`
  type Region { code: String name: String }
  type Row { index: Float region: Region }
  type Edge { node: Row cursor: String }
  type Connection { edges: [Edge] totalCount: Int }
  type Query { rows: Connection }
`);

/** The selections the `rows` resolver sees for `query`, at `path` below it. */
function selectedBy(query: string, path: readonly string[], variableValues: Record<string, unknown> = {}): string[] {
  let seen: ReadonlySet<string> = new Set();
  executeSync({
    schema,
    document: parse(query),
    variableValues,
    rootValue: {
      rows: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        seen = selectedFields(info, path);
        return null;
      },
    },
  });
  return [...seen].sort();
}

describe('selectedFields', () => {
  it('names the fields selected at a path, through aliases', () => {
    expect(selectedBy('{ rows { edges { node { index shown: region { code } } } } }', ['edges', 'node'])).toEqual(['index', 'region']);
    expect(selectedBy('{ rows { edges { node { index shown: region { code } } } } }', ['edges', 'node', 'region'])).toEqual(['code']);
    expect(selectedBy('{ rows { totalCount } }', ['edges', 'node'])).toEqual([]);
  });

  it('reads through named and inline fragments, and counts fields under @skip/@include as selected', () => {
    const query = `
      query ($all: Boolean!) { rows { edges { ...Edge node { ... on Row { index } } } } }
      fragment Edge on Edge { node { region @include(if: $all) { name } ...More } }
      fragment More on Row { region { code } }`;
    expect(selectedBy(query, ['edges', 'node'], { all: false })).toEqual(['index', 'region']);
    expect(selectedBy(query, ['edges', 'node', 'region'], { all: false })).toEqual(['code', 'name']);
  });

  it('answers the same for the same document node, asked again', () => {
    const document = parse('{ rows { edges { node { index } } } }');
    const seen: ReadonlySet<string>[] = [];
    for (let i = 0; i < 2; i++) {
      executeSync({
        schema,
        document,
        rootValue: {
          rows: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
            seen.push(selectedFields(info, ['edges', 'node']));
            return null;
          },
        },
      });
    }
    expect(seen[1]).toBe(seen[0]);
    expect([...seen[0]]).toEqual(['index']);
  });
});
