import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import graphql from '@graphql-eslint/eslint-plugin';
import { massline, schemaLintRules } from '../../../schema-lint.config.mjs';

/** The schema lint of `npm run lint`, run on a small schema: a new type or root field without a description fails. */
async function lint(sdl: string): Promise<string[]> {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: sdl } } },
        plugins: { '@graphql-eslint': graphql, massline },
        rules: schemaLintRules,
      },
    ],
  });
  const [result] = await eslint.lintText(sdl, { filePath: 'fixture.graphql' });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const DESCRIBED = `
"""Reads."""
type Query {
  """A thing by id; null if there is none."""
  thing("""Its id.""" id: ID!): Thing
  """Any object by id."""
  node("""Its id.""" id: ID!): Node
  """Things, a page at a time."""
  things(first: Int, after: String, last: Int, before: String): ThingConnection!
}

"""A page of things."""
type ThingConnection {
  edges: [ThingEdge!]!
  pageInfo: PageInfo!
}

"""A thing and its cursor."""
type ThingEdge {
  cursor: String!
  node: Thing!
}

"""Where a page stands."""
type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

"""An object with an id."""
interface Node {
  id: ID!
}

"""A thing."""
type Thing implements Node {
  id: ID!
  name: String!
}
`;

describe('the schema lint', () => {
  it('passes a described schema', async () => {
    expect(await lint(DESCRIBED)).toEqual([]);
  });

  it('fails a new type without a description', async () => {
    const undescribed = DESCRIBED.replace('"""A thing."""\ntype Thing', 'type Thing');
    expect(await lint(undescribed)).toEqual([expect.stringMatching(/require-description: Description is required for type "Thing"/)]);
  });

  it('fails a root field or an argument without a description', async () => {
    const bareField = DESCRIBED.replace('  """A thing by id; null if there is none."""\n', '');
    expect(await lint(bareField)).toEqual([expect.stringMatching(/require-description: .*field "thing" in type "Query"/)]);
    const bareArgument = DESCRIBED.replace('thing("""Its id.""" id: ID!)', 'thing(id: ID!)');
    expect(await lint(bareArgument)).toEqual([expect.stringMatching(/require-description: .*"id" in field "thing"/)]);
  });

  it('fails a lookup by id that is not nullable', async () => {
    const nonNull = DESCRIBED.replace('id: ID!): Thing\n', 'id: ID!): Thing!\n');
    expect(await lint(nonNull)).toEqual([expect.stringMatching(/massline\/nullable-lookups: Query.thing looks up by id/)]);
  });
});
