import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildPersistedManifest,
  PERSISTED_MANIFEST_FILE,
  PERSISTED_QUERY_HASHES_FILE,
  persistedQueryHashes,
} from '../tools/persisted-operations';
import { documentHash, PersistedOperations, type PersistedOperationManifest } from './persisted-operations';

/** The committed manifest is the console's operations as they are: `npm run codegen` rewrites it. */
describe('the persisted operations manifest', () => {
  it('registers exactly the console operations, as the console sends them', async () => {
    const committed = JSON.parse(fs.readFileSync(PERSISTED_MANIFEST_FILE, 'utf8')) as PersistedOperationManifest;
    expect(committed).toEqual(await buildPersistedManifest());
  });

  it('gives the console the hash of every registered query by name, and of nothing else', () => {
    const committed = JSON.parse(fs.readFileSync(PERSISTED_MANIFEST_FILE, 'utf8')) as PersistedOperationManifest;
    const hashes = JSON.parse(fs.readFileSync(PERSISTED_QUERY_HASHES_FILE, 'utf8')) as Record<string, string>;
    expect(hashes).toEqual(persistedQueryHashes(committed));
    const queries = committed.operations.filter((operation) => operation.type === 'query');
    expect(Object.keys(hashes).sort()).toEqual(queries.map((operation) => operation.name).sort());
    const registered = new PersistedOperations(committed);
    for (const [name, hash] of Object.entries(hashes)) expect(registered.get(hash)).toMatchObject({ name, type: 'query' });
  });

  it('refuses two console queries of one name (the console could not tell their hashes apart)', () => {
    const body = (field: string) => `query Q {\n  ${field}\n}`;
    const operations = ['a', 'b'].map((field) => ({ id: documentHash(body(field)), name: 'Q', type: 'query' as const, body: body(field) }));
    expect(() => persistedQueryHashes({ format: 'apollo-persisted-query-manifest', version: 1, operations })).toThrow(
      /two console queries are named Q/,
    );
  });

  it('refuses a manifest whose ids are not the hashes of their texts', () => {
    const body = 'query Q {\n  me {\n    role\n    __typename\n  }\n}';
    const manifest = (id: string): PersistedOperationManifest => ({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id, name: 'Q', type: 'query', body }],
    });
    expect(new PersistedOperations(manifest(documentHash(body))).get(documentHash(body))?.name).toBe('Q');
    expect(() => new PersistedOperations(manifest('0'.repeat(64)))).toThrow(/not the SHA-256/);
  });
});
