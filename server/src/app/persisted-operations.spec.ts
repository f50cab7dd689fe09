import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPersistedManifest, PERSISTED_MANIFEST_FILE } from '../tools/persisted-operations';
import { documentHash, PersistedOperations, type PersistedOperationManifest } from './persisted-operations';

/** The committed manifest is the console's operations as they are: `npm run codegen` rewrites it. */
describe('the persisted operations manifest', () => {
  it('registers exactly the console operations, as the console sends them', async () => {
    const committed = JSON.parse(fs.readFileSync(PERSISTED_MANIFEST_FILE, 'utf8')) as PersistedOperationManifest;
    expect(committed).toEqual(await buildPersistedManifest());
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
