import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig, REPO_ROOT } from './app/config';
import { buildAppSchema } from './app/build-schema';
import { createServices } from './app/services';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema.graphql');

/** The public contract, as SDL: sorted, so that a diff shows only real changes. */
export async function printAppSchema(): Promise<string> {
  const { schema } = await buildAppSchema(createServices(loadConfig()));
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (require.main === module) {
  void printAppSchema().then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  });
}
