import fs from 'node:fs';
import path from 'node:path';
import { formatDocument, stringifyDocument } from '@urql/core';
import { graphql } from 'gql.tada';
import { Kind, type DocumentNode } from 'graphql';
import { REPO_ROOT } from '../app/config';
import { documentHash, PERSISTED_MANIFEST_FORMAT, type PersistedOperationManifest } from '../app/persisted-operations';

/** Where the console's sources are, and where the manifest of their operations is committed. */
export const WEB_SOURCES = path.join(REPO_ROOT, 'web', 'src');
export const PERSISTED_MANIFEST_FILE = path.join(REPO_ROOT, 'web', 'persisted-operations.json');
/** What the console's bundle carries of the manifest: each query's hash by name (web/src/app/persisted-query-exchange.ts). */
export const PERSISTED_QUERY_HASHES_FILE = path.join(REPO_ROOT, 'web', 'src', 'persisted-query-hashes.json');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|d)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isOperation = (value: unknown): value is DocumentNode =>
  typeof value === 'object' &&
  value !== null &&
  (value as DocumentNode).kind === Kind.DOCUMENT &&
  (value as DocumentNode).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);

/** A `graphql(\`…\`)` written inline in a component (the session's `me`, sign-out): a plain literal, without fragments. */
const INLINE_DOCUMENT = /\bgraphql\(\s*`([^`]*)`\s*([,)])/g;

/**
 * The console's documents: every operation exported by a `*.operations.ts` (fragments resolved by
 * gql.tada, as in the browser), and the plain documents written inline elsewhere.
 */
export async function consoleDocuments(folder = WEB_SOURCES): Promise<DocumentNode[]> {
  const documents: DocumentNode[] = [];
  for (const file of sourceFiles(folder).sort()) {
    if (file.endsWith('.operations.ts')) {
      const module = (await import(file)) as Record<string, unknown>;
      documents.push(...Object.values(module).filter(isOperation));
      continue;
    }
    for (const [, source, next] of fs.readFileSync(file, 'utf8').matchAll(INLINE_DOCUMENT)) {
      const where = `${path.relative(REPO_ROOT, file)}: ${source.trim().split('\n')[0]}`;
      if (source.includes('${') || next === ',') throw new Error(`${where}: move a document with fragments to a *.operations.ts file`);
      const document = graphql(source) as DocumentNode;
      if (isOperation(document)) documents.push(document);
    }
  }
  return documents;
}

/**
 * The manifest of the console's operations as its urql client sends them: the document with the
 * `__typename`s urql's cache exchange adds, printed by urql; the id is the SHA-256 of that text, which is
 * what @urql/exchange-persisted sends. Computed with the client's own functions, so both sides agree.
 */
export async function buildPersistedManifest(folder = WEB_SOURCES): Promise<PersistedOperationManifest> {
  const operations = new Map<string, PersistedOperationManifest['operations'][number]>();
  for (const document of await consoleDocuments(folder)) {
    const body = stringifyDocument(formatDocument(document));
    const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (definition?.kind !== Kind.OPERATION_DEFINITION || !definition.name) throw new Error(`an unnamed console operation: ${body}`);
    const id = documentHash(body);
    operations.set(id, { id, name: definition.name.value, type: definition.operation, body });
  }
  const sorted = [...operations.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { format: PERSISTED_MANIFEST_FORMAT, version: 1, operations: sorted };
}

/**
 * The hash of each registered query by its name, which the console sends instead of the text: small
 * enough for the first load (no text, no mutation). Two queries of one name would be ambiguous: refused.
 */
export function persistedQueryHashes(manifest: PersistedOperationManifest): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const operation of manifest.operations) {
    if (operation.type !== 'query') continue;
    if (Object.hasOwn(hashes, operation.name)) throw new Error(`two console queries are named ${operation.name}: rename one`);
    hashes[operation.name] = operation.id;
  }
  return hashes;
}

const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** `npm run codegen` (after gql.tada): writes the manifest the server reads (app/persisted-operations.ts) and the console's hashes. */
async function main(): Promise<void> {
  const manifest = await buildPersistedManifest();
  writeJson(PERSISTED_MANIFEST_FILE, manifest);
  writeJson(PERSISTED_QUERY_HASHES_FILE, persistedQueryHashes(manifest));
  process.stdout.write(`${manifest.operations.length} persisted operations → ${path.relative(REPO_ROOT, PERSISTED_MANIFEST_FILE)}\n`);
}

if (require.main === module) void main();
