import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Query { regions(first: Int!): RegionConnection! region(id: ID!): Region export: String! }
  type RegionConnection { edges: [RegionEdge!]! totalCount: Int! }
  type RegionEdge { node: Region! }
  type Region { id: ID! code: String! name: String! parent: Region }
`);
// What type-graphql's @Cost(…) puts on a field.
Object.assign(schema.getQueryType()!.getFields().export, { extensions: { cost: 1_000 } });

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  queryCost({ schema, document: parse(query), variables, operationName });

describe('queryCost', () => {
  const PAGE = 'regions(first: 100) { edges { node { id code name } } }';

  it("prices a page by its size: 100 × (2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 3))) — graphql-armor's formula", () => {
    expect(cost(`{ ${PAGE} }`)).toBe(100 * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * 3))));
    expect(cost('{ region(id: "x") { id parent { code } } }')).toBe(2 + 1.5 * (1 + 2 + 1.5 * 1));
  });

  it('reads the page size from the variables, and takes the largest page when it cannot', () => {
    const query = 'query ($n: Int!) { regions(first: $n) { edges { node { id code name } } } }';
    expect(cost(query, { n: 100 })).toBe(cost(`{ ${PAGE} }`));
    expect(cost(query, { n: 1 })).toBe(cost(`{ ${PAGE} }`) / 100);
    expect(cost(query, {})).toBe(cost(`{ ${PAGE} }`));
  });

  it('adds up aliases, and a field’s declared cost per alias', () => {
    expect(cost(`{ a: ${PAGE} b: ${PAGE} }`)).toBe(2 * cost(`{ ${PAGE} }`));
    expect(cost('{ a: export b: export c: export }')).toBe(3 * 1_001);
  });

  it('charges a fragment exactly what its fields cost inline', () => {
    const inline = cost(`{ ${PAGE} }`);
    expect(cost('{ regions(first: 100) { edges { node { ...Row } } } } fragment Row on Region { id code name }')).toBe(inline);
    expect(cost('{ regions(first: 100) { edges { node { ... on Region { id code name } } } } }')).toBe(inline);
  });

  it('prices the named operation only, and introspection not at all', () => {
    expect(cost(`query A { ${PAGE} } query B { region(id: "x") { id } }`, {}, 'B')).toBe(2 + 1.5);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});
