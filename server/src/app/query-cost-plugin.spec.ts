import { describe, expect, it } from 'vitest';
import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { queryCost } from '../common/query-cost';
import { QueryCostCache } from './query-cost-plugin';

/** A schema whose `report` field declares `reportCost` points of its own, and a paged `items` list. */
function schemaWith(reportCost: number): GraphQLSchema {
  const item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString } } });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        report: { type: GraphQLString, extensions: { cost: reportCost } },
        items: { type: new GraphQLList(item), args: { first: { type: GraphQLInt } } },
      },
    }),
  });
}

describe('the remembered query cost', () => {
  const document = parse('query Page($first: Int) { report items(first: $first) { name } }');

  it('prices as queryCost does, per operation and variables (a page of 50 is not a page of 5)', () => {
    const schema = schemaWith(100);
    const prices = new QueryCostCache();
    for (const first of [5, 50, 5]) {
      const input = { schema, document, operationName: 'Page', variables: { first } };
      expect(prices.cost(input)).toBe(queryCost(input));
    }
    expect(prices.cost({ schema, document, operationName: 'Page', variables: { first: 50 } })).toBeGreaterThan(
      prices.cost({ schema, document, operationName: 'Page', variables: { first: 5 } }),
    );
  });

  it('does not outlive a schema change: the same document under a new schema is priced anew', () => {
    const prices = new QueryCostCache();
    const variables = { first: 5 };
    const before = prices.cost({ schema: schemaWith(100), document, operationName: 'Page', variables });
    const after = prices.cost({ schema: schemaWith(2_000), document, operationName: 'Page', variables });
    expect(after - before).toBe(1_900);
  });

  it('keeps a bounded number of prices per document, the latest', () => {
    const schema = schemaWith(1);
    const prices = new QueryCostCache();
    for (let first = 1; first <= 1_000; first++) prices.cost({ schema, document, operationName: 'Page', variables: { first } });
    const kept = (prices as unknown as { prices: WeakMap<GraphQLSchema, WeakMap<object, Map<string, number>>> }).prices
      .get(schema)
      ?.get(document);
    expect(kept?.size).toBe(64);
    expect(kept?.has('Page\n{"first":1000}')).toBe(true);
    expect(kept?.has('Page\n{"first":1}')).toBe(false);
  });
});
