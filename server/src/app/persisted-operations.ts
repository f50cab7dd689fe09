import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { OperationTypeNode } from 'graphql';

export const PERSISTED_MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

/**
 * The console's operations, registered at build time (`npm run codegen` writes web/persisted-operations.json
 * with server/src/tools/persisted-operations.ts), in Apollo's persisted query manifest format: `id` is the
 * SHA-256 (hex) of `body`, the text the client hashes and sends the hash of.
 */
export interface PersistedOperationManifest {
  format: typeof PERSISTED_MANIFEST_FORMAT;
  version: 1;
  operations: { id: string; name: string; type: `${OperationTypeNode}`; body: string }[];
}

export interface PersistedOperation {
  name: string;
  type: `${OperationTypeNode}`;
  body: string;
}

/** The SHA-256 of a document's text, as persisted query hashes are written (64 lowercase hex digits). */
export const documentHash = (body: string): string => createHash('sha256').update(body).digest('hex');

/** The registered operations by hash: what a GET with only a hash may run. */
export class PersistedOperations {
  private readonly byHash: ReadonlyMap<string, PersistedOperation>;

  constructor(manifest: PersistedOperationManifest) {
    if (manifest.format !== PERSISTED_MANIFEST_FORMAT || manifest.version !== 1)
      throw new Error('not a persisted query manifest (version 1)');
    this.byHash = new Map(
      manifest.operations.map(({ id, name, type, body }) => {
        if (documentHash(body) !== id) throw new Error(`persisted operation ${name}: its id is not the SHA-256 of its body`);
        return [id, { name, type, body }];
      }),
    );
  }

  /** The manifest at this path; no file is no registered operation (the API works, the console falls back to full queries). */
  static load(file: string): PersistedOperations {
    if (!fs.existsSync(file)) return new PersistedOperations({ format: PERSISTED_MANIFEST_FORMAT, version: 1, operations: [] });
    return new PersistedOperations(JSON.parse(fs.readFileSync(file, 'utf8')) as PersistedOperationManifest);
  }

  get(hash: string): PersistedOperation | undefined {
    return this.byHash.get(hash);
  }

  get size(): number {
    return this.byHash.size;
  }
}
