import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../server/src/app/build-schema';
import { loadConfig, REPO_ROOT } from '../../server/src/app/config';
import { createServices } from '../../server/src/app/services';
import { MAX_PAGE_SIZE } from '../../server/src/common/connection';
import { queryCost } from '../../server/src/common/query-cost';

function operationFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return operationFiles(full);
    return entry.name.endsWith('.operations.ts') ? [full] : [];
  });
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

/**
 * The console's own operations must never be refused for their cost: each is priced as the server prices
 * it, with every Int variable (page sizes) at the largest page, and must fit under the default limit.
 */
describe("the console's operations fit the query cost limit", () => {
  let schema: GraphQLSchema;
  const maxCost = loadConfig({}, {}).graphql.maxCost;
  const documents = new Map<string, DocumentNode>();

  beforeAll(async () => {
    schema = (await buildAppSchema(createServices(loadConfig()))).schema;
    for (const file of operationFiles(path.join(REPO_ROOT, 'web', 'src'))) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (isDocument(value) && value.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) {
          documents.set(`${path.relative(REPO_ROOT, file)}#${name}`, value);
        }
      }
    }
  });

  it('finds the operations', () => {
    expect(documents.size).toBeGreaterThan(30);
  });

  it('prices each, at its largest pages, under the limit', () => {
    const over: string[] = [];
    for (const [name, document] of documents) {
      const variables: Record<string, number> = {};
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const variable of definition.variableDefinitions ?? []) {
          const type = variable.type.kind === Kind.NON_NULL_TYPE ? variable.type.type : variable.type;
          if (type.kind === Kind.NAMED_TYPE && type.name.value === 'Int') variables[variable.variable.name.value] = MAX_PAGE_SIZE;
        }
      }
      const cost = queryCost({ schema, document, variables });
      if (cost > maxCost) over.push(`${name}: ${cost}`);
    }
    expect(over).toEqual([]);
  });
});
