#!/usr/bin/env node
/**
 * Checks MassLine ledger proofs offline, with the platform's public key alone (docs/ledger.md):
 *
 *   node scripts/verify-ledger-proof.mjs --key ledger-public-key.pem --inclusion proof.json [--consistency consistency.json]
 *
 * `--key`: the PEM of `ledgerPublicKey { pem }`. `--inclusion`: the JSON of a `ledgerInclusionProof { entry {…} treeSize
 * auditPath head {…} }` answer (the object itself, or a whole GraphQL response holding it). `--consistency`: the JSON of a
 * `ledgerConsistencyProof { fromSize toSize proof fromHead {…} toHead {…} }` answer. Every signed head is checked
 * against the key; the entry's leaf is recomputed from its fields and walked up its audit path to the signed root; a
 * consistency proof is checked between its two signed roots. Prints what holds and exits 0, or names what does not
 * and exits 1. Needs Node 20 and shared's build (`npm run build`, or `npx tsc -b shared/tsconfig.build.json`).
 */
/* global console, process, Buffer */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { grants, ledger } = createRequire(import.meta.url)('../shared/dist/index.js');

function argument(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** The proof object inside a file: the object itself, or a GraphQL response's `data.<field>`. */
function readProof(file, field) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return json.data?.[field] ?? json[field] ?? json;
}

const failures = [];
const check = (holds, what) => {
  console.log(`${holds ? 'ok  ' : 'FAIL'} ${what}`);
  if (!holds) failures.push(what);
};
const bytes = (hex) => grants.fromHex(hex);

const keyFile = argument('key');
const inclusionFile = argument('inclusion');
const consistencyFile = argument('consistency');
if (!keyFile || (!inclusionFile && !consistencyFile)) {
  console.error('usage: verify-ledger-proof.mjs --key <public key PEM> --inclusion <proof.json> [--consistency <proof.json>]');
  process.exit(2);
}
const key = createPublicKey(readFileSync(keyFile, 'utf8'));

function checkHead(head, name) {
  const signed = verify(null, ledger.treeHeadBytes(head), key, Buffer.from(head.signature, 'base64'));
  check(signed, `${name}: tree of ${head.treeSize} entries with root ${head.rootHash}, signed at ${head.timestamp} by the key`);
}

if (inclusionFile) {
  const proof = readProof(inclusionFile, 'ledgerInclusionProof');
  const { entry, head } = proof;
  checkHead(head, 'signed head');
  check(head.treeSize === proof.treeSize, `the proof is for the signed tree (${proof.treeSize} entries)`);
  check(ledger.entryHashOf(grants.sha256, entry) === entry.entryHash, `entry ${entry.sequence} hashes as it says (${entry.entryHash})`);
  const leaf = ledger.entryLeafHash(grants.sha256, entry);
  const included = grants.verifyInclusion(
    grants.sha256,
    entry.sequence,
    proof.treeSize,
    leaf,
    proof.auditPath.map(bytes),
    bytes(head.rootHash),
  );
  check(included, `${entry.recordType} ${entry.recordId} (payload ${entry.payloadHash}) is entry ${entry.sequence} of the signed tree`);
}

if (consistencyFile) {
  const proof = readProof(consistencyFile, 'ledgerConsistencyProof');
  checkHead(proof.fromHead, 'earlier signed head');
  checkHead(proof.toHead, 'later signed head');
  const consistent = grants.verifyConsistency(
    grants.sha256,
    proof.fromHead.treeSize,
    proof.toHead.treeSize,
    bytes(proof.fromHead.rootHash),
    bytes(proof.toHead.rootHash),
    proof.proof.map(bytes),
  );
  check(
    consistent,
    `the tree of ${proof.fromHead.treeSize} entries is a prefix of the tree of ${proof.toHead.treeSize}: the ledger only grew`,
  );
}

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('every check holds');
