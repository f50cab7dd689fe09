import 'reflect-metadata';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printAppSchema, SCHEMA_FILE } from '../emit-schema';

describe('schema.graphql, the public contract', () => {
  it('is exactly what the code produces (run `npm run codegen` after an intended change)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(await printAppSchema()).toBe(committed);
  });
});
