import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Query { regions(first: Int, last: Int, after: String, before: String): RegionConnection! region(id: ID!): Region export: String! }
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

  it('prices a page read backwards (`last`) as one read forwards, a size sent as null as no size', () => {
    const both = 'query ($first: Int, $last: Int) { regions(first: $first, last: $last) { edges { node { id code name } } } }';
    expect(cost('{ regions(last: 100) { edges { node { id code name } } } }')).toBe(cost(`{ ${PAGE} }`));
    expect(cost(both, { first: null, last: 10 })).toBe(cost(`{ ${PAGE} }`) / 10);
    expect(cost(both, { first: 10 })).toBe(cost(`{ ${PAGE} }`) / 10);
    expect(cost('{ regions(first: null, last: 5) { edges { node { id code name } } } }')).toBe(cost(`{ ${PAGE} }`) / 20);
    // Both given: refused by the list, priced at the larger.
    expect(cost(both, { first: 2, last: 50 })).toBe(cost(`{ ${PAGE} }`) / 2);
    // Neither given: refused by the list, priced as the largest page.
    expect(cost(both, {})).toBe(cost(`{ ${PAGE} }`));
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
