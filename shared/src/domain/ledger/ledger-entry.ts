/**
 * One entry of the ledger and the hashes made of it (docs/ledger.md). An entry says that a record of a
 * type (`GrantStep`) and id was appended at a time, as the `sequence`-th entry (from 0: its leaf index
 * in the Merkle tree), with the hash of the record's canonical payload, chained to the entry before it:
 *
 *   entry bytes  = canonical JSON of { sequence, recordedAt, recordType, recordId, payloadHash, previousHash }
 *   entry hash   = SHA-256(entry bytes)             — the chain (previousHash of the next entry)
 *   leaf hash    = SHA-256(0x00 ‖ entry bytes)      — the Merkle tree's leaf (RFC 9162 §2.1.1)
 *
 * Hashes are lower-case hexadecimal in the encoding; the first entry's previous hash is 64 zeros. The
 * same functions run on the server, in the console and in the offline script, with any SHA-256.
 */
import { leafHash, type HashFunction } from '../grants/merkle';
import { toHex } from '../grants/sha256';
import { canonicalBytes, utf8, type CanonicalValue } from './canonical-json';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerEntryFields {
  /** The entry's position, from 0 (its leaf index). */
  sequence: number;
  /** When it was appended: ISO 8601 in UTC with milliseconds (`2026-11-29T17:40:00.000Z`). */
  recordedAt: string;
  recordType: string;
  /** The record's uuid. */
  recordId: string;
  /** SHA-256 of the record's canonical payload, hexadecimal. */
  payloadHash: string;
  /** The entry hash of the entry before (GENESIS_HASH for the first). */
  previousHash: string;
}

/**
 * The entry's canonical encoding as text (its bytes are its UTF-8): the six fields written out with their
 * keys already in canonical order (`canonicalJson` would sort them each time: the verifier encodes every
 * entry; a test holds them equal).
 */
export function ledgerEntryText(entry: LedgerEntryFields): string {
  if (!Number.isFinite(entry.sequence)) throw new RangeError(`a canonical number is finite, got ${entry.sequence}`);
  return (
    `{"payloadHash":${JSON.stringify(entry.payloadHash)},"previousHash":${JSON.stringify(entry.previousHash)},` +
    `"recordId":${JSON.stringify(entry.recordId)},"recordType":${JSON.stringify(entry.recordType)},` +
    `"recordedAt":${JSON.stringify(entry.recordedAt)},"sequence":${JSON.stringify(entry.sequence)}}`
  );
}

export function ledgerEntryBytes(entry: LedgerEntryFields): Uint8Array {
  return utf8(ledgerEntryText(entry));
}

/**
 * An entry's hash (hexadecimal) and its Merkle leaf hash, from one encoding of the entry: what appending
 * stores and what the verifier recomputes for every entry.
 */
export function entryHashes(hash: HashFunction, entry: LedgerEntryFields): { entryHash: string; leafHash: Uint8Array } {
  const bytes = ledgerEntryBytes(entry);
  return { entryHash: toHex(hash(bytes)), leafHash: leafHash(hash, bytes) };
}

/** The entry hash (the chain's link), hexadecimal. */
export const entryHashOf = (hash: HashFunction, entry: LedgerEntryFields): string => toHex(hash(ledgerEntryBytes(entry)));

/** The Merkle tree's leaf hash of an entry. */
export const entryLeafHash = (hash: HashFunction, entry: LedgerEntryFields): Uint8Array => leafHash(hash, ledgerEntryBytes(entry));

/** The payload hash of a record's canonical payload, hexadecimal. */
export const payloadHashOf = (hash: HashFunction, payload: CanonicalValue): string => toHex(hash(canonicalBytes(payload)));

/** A tree head: the tree of the first `treeSize` entries has this root, as the platform stated at `timestamp`. */
export interface TreeHead {
  treeSize: number;
  /** MTH of the entries' leaves, hexadecimal (the SHA-256 of nothing for an empty tree). */
  rootHash: string;
  /** ISO 8601 in UTC with milliseconds. */
  timestamp: string;
}

/** What the platform signs (Ed25519) for a tree head: a label, then the head's canonical JSON. */
export const TREE_HEAD_LABEL = 'massline-ledger-tree-head/v1\n';

export function treeHeadBytes(head: TreeHead): Uint8Array {
  const body = canonicalBytes({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp });
  const label = utf8(TREE_HEAD_LABEL);
  const out = new Uint8Array(label.length + body.length);
  out.set(label);
  out.set(body, label.length);
  return out;
}

export type { CanonicalValue };
