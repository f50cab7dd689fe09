import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, leafHash, rootOf, verifyConsistency, verifyInclusion } from '../grants/merkle';
import { sha256, toHex } from '../grants/sha256';
import { canonicalBytes, canonicalJson, utf8, type CanonicalValue } from './canonical-json';
import {
  entryHashes,
  entryHashOf,
  entryLeafHash,
  GENESIS_HASH,
  ledgerEntryBytes,
  ledgerEntryText,
  payloadHashOf,
  treeHeadBytes,
} from './ledger-entry';
import {
  frontierOf,
  nodeKey,
  nodesAfterAppend,
  nodesOfSubtree,
  RangeTreeBuilder,
  subtreeHashFromNodes,
  type StoredNode,
} from './merkle-nodes';

const leaves = (n: number, from = 0) => Array.from({ length: n }, (_, i) => leafHash(sha256, utf8(`entry ${from + i}`)));

/** Stores nodes as the server does, appending the leaves in batches of the given sizes. */
function storeInBatches(all: Uint8Array[], batches: number[]): Map<string, Uint8Array> {
  const stored = new Map<string, Uint8Array>();
  let size = 0;
  for (const batch of batches) {
    const frontier = new Map(frontierOf(size).map(({ level, index }) => [nodeKey(level, index), stored.get(nodeKey(level, index))!]));
    for (const node of nodesAfterAppend(sha256, size, all.slice(size, size + batch), frontier))
      stored.set(nodeKey(node.level, node.index), node.hash);
    size += batch;
  }
  return stored;
}

describe('the canonical encoding', () => {
  it('sorts members by key at every depth, without whitespace, whatever order they came in', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2.5 }] })).toBe('{"a":[true,null,{"c":2.5,"d":"x"}],"b":1}');
    expect(canonicalJson({ a: [true, null, { c: 2.5, d: 'x' }], b: 1 })).toBe(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2.5 }] }));
  });

  it('escapes strings as JSON does and keeps non-ASCII text as UTF-8', () => {
    expect(canonicalJson({ name: '张三 "x"\n' })).toBe('{"name":"张三 \\"x\\"\\n"}');
    expect([...utf8('aé张😀')]).toEqual([0x61, 0xc3, 0xa9, 0xe5, 0xbc, 0xa0, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('writes UTF-8 the same with or without the platform encoder, a lone surrogate as its 3-byte code', () => {
    // Without a surrogate the platform's encoder writes it; with one, the loop: the same bytes either way.
    expect([...utf8('aé张 "x"')]).toEqual([0x61, 0xc3, 0xa9, 0xe5, 0xbc, 0xa0, 0x20, 0x22, 0x78, 0x22]);
    expect([...utf8('aé张 "x"😀')]).toEqual([...utf8('aé张 "x"'), 0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8('a\ud800b')]).toEqual([0x61, 0xed, 0xa0, 0x80, 0x62]);
    expect([...utf8('\udc00😀')]).toEqual([0xed, 0xb0, 0x80, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('writes a value already in canonical order natively, byte for byte as the sorting writer does', () => {
    // The same values with every object's members inserted backwards take the sorting path at each depth.
    const backwards = (value: CanonicalValue): CanonicalValue => {
      if (value === null || typeof value !== 'object') return value;
      if (Array.isArray(value)) return value.map(backwards);
      const record = value as { readonly [key: string]: CanonicalValue };
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .reverse()
          .map((key) => [key, backwards(record[key])]),
      );
    };
    const values: CanonicalValue[] = [
      { a: 1, b: [true, null, { c: -0, d: 'x\n"张😀' }], e: { f: 0.1, g: 1e21, h: [] }, i: {} },
      // Array-index keys enumerate first, numerically: "10" before "9" is canonical, not what JSON.stringify writes.
      { '10': 'ten', '9': 'nine', a: 'letter' },
      { '1': 'one', '2': 'two', b: { '3': 3 } },
      [{ z: 1, y: 2 }, 'text', 5],
    ];
    for (const value of values) {
      expect(canonicalJson(value)).toBe(canonicalJson(backwards(value)));
    }
    expect(canonicalJson(values[0])).toBe('{"a":1,"b":[true,null,{"c":0,"d":"x\\n\\"张😀"}],"e":{"f":0.1,"g":1e+21,"h":[]},"i":{}}');
    expect(canonicalJson(values[1])).toBe('{"10":"ten","9":"nine","a":"letter"}');
    // Not a plain object (no prototype, or one with toJSON): written by the sorting path, members only.
    const bare = Object.assign(Object.create(null) as { [key: string]: CanonicalValue }, { b: 2, a: 1 });
    expect(canonicalJson({ x: bare })).toBe('{"x":{"a":1,"b":2}}');
    const dated = { at: new Date(0) } as unknown as CanonicalValue;
    expect(canonicalJson(dated)).toBe('{"at":{}}');
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson({ value: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ value: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('a ledger entry', () => {
  const entry = {
    sequence: 0,
    recordedAt: '2026-11-29T17:40:00.000Z',
    recordType: 'Grant',
    recordId: '7d6c1f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    payloadHash: payloadHashOf(sha256, { post: 'x', method: 'ELECTION' }),
    previousHash: GENESIS_HASH,
  };

  it('is encoded as documented (docs/ledger.md), its fields sorted', () => {
    expect([...ledgerEntryBytes(entry)]).toEqual([
      ...utf8(
        `{"payloadHash":"${entry.payloadHash}","previousHash":"${GENESIS_HASH}","recordId":"${entry.recordId}","recordType":"Grant","recordedAt":"2026-11-29T17:40:00.000Z","sequence":0}`,
      ),
    ]);
  });

  it('is encoded exactly as the canonical encoding of its six fields, whatever they hold', () => {
    for (const fields of [
      entry,
      { ...entry, sequence: 1_000_000, recordType: 'Type "with" \\ escapes\n张', recordId: '' },
      { ...entry, sequence: 2 ** 40 + 3, recordedAt: '1999-12-31T23:59:59.999Z' },
    ]) {
      expect(ledgerEntryBytes(fields)).toEqual(canonicalBytes({ ...fields }));
      expect(ledgerEntryText(fields)).toBe(canonicalJson({ ...fields }));
    }
    expect(() => ledgerEntryBytes({ ...entry, sequence: Number.NaN })).toThrow(RangeError);
  });

  it('makes its entry hash and leaf hash from one encoding, as each alone does', () => {
    const { entryHash, leafHash: leaf } = entryHashes(sha256, entry);
    expect(entryHash).toBe(entryHashOf(sha256, entry));
    expect(toHex(leaf)).toBe(toHex(entryLeafHash(sha256, entry)));
  });

  it('hashes the entry bytes with SHA-256, and its leaf is SHA-256 of 0x00 then the entry', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(entryHashOf(sha256, entry)).toBe(toHex(sha256(ledgerEntryBytes(entry))));
    expect(toHex(entryLeafHash(sha256, entry))).toBe(toHex(sha256(new Uint8Array([0, ...ledgerEntryBytes(entry)]))));
  });

  it('changes its hash when any field changes', () => {
    const base = entryHashOf(sha256, entry);
    for (const changed of [
      { sequence: 1 },
      { recordedAt: '2026-11-29T17:40:00.001Z' },
      { recordType: 'GrantStep' },
      { payloadHash: GENESIS_HASH },
    ]) {
      expect(entryHashOf(sha256, { ...entry, ...changed })).not.toBe(base);
    }
    expect(payloadHashOf(sha256, { post: 'x', method: 'APPOINTMENT' })).not.toBe(entry.payloadHash);
  });

  it('signs a tree head as a label then its canonical JSON', () => {
    const bytes = treeHeadBytes({ treeSize: 3, rootHash: 'ab', timestamp: '2026-11-29T17:40:00.000Z' });
    expect([...bytes]).toEqual([
      ...utf8('massline-ledger-tree-head/v1\n{"rootHash":"ab","timestamp":"2026-11-29T17:40:00.000Z","treeSize":3}'),
    ]);
  });
});

describe('the tree kept as stored nodes', () => {
  const all = leaves(37);

  it('gives the root of every size from the nodes stored while appending in batches of any size', () => {
    const stored = storeInBatches(all, [1, 2, 5, 8, 3, 1, 17]);
    for (let size = 1; size <= 37; size++) {
      const root = subtreeHashFromNodes(sha256, 0, size, (level, index) => stored.get(nodeKey(level, index))!);
      expect(toHex(root)).toBe(toHex(rootOf(sha256, all.slice(0, size))));
    }
  });

  it('stores 2n − 1 nodes at most for n leaves, and a frontier of one node per bit of the size', () => {
    expect(storeInBatches(all, [37]).size).toBeLessThan(2 * 37);
    expect(frontierOf(37)).toEqual([
      { level: 5, index: 0 },
      { level: 2, index: 8 },
      { level: 0, index: 36 },
    ]);
    expect(frontierOf(0)).toEqual([]);
  });

  it('answers inclusion and consistency proofs from O(log n) nodes that verify as RFC 9162 says', () => {
    const stored = storeInBatches(all, [10, 27]);
    const asked: string[] = [];
    const fromNodes = (start: number, end: number) => {
      for (const { level, index } of nodesOfSubtree(start, end)) asked.push(nodeKey(level, index));
      return subtreeHashFromNodes(sha256, start, end, (level, index) => stored.get(nodeKey(level, index))!);
    };
    const root = rootOf(sha256, all);
    for (const index of [0, 13, 31, 36]) {
      asked.length = 0;
      const proof = inclusionProof(index, 37, fromNodes);
      expect(verifyInclusion(sha256, index, 37, all[index], proof, root)).toBe(true);
      expect(asked.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(37)));
    }
    const proof = consistencyProof(20, 37, fromNodes);
    expect(verifyConsistency(sha256, 20, 37, rootOf(sha256, all.slice(0, 20)), root, proof)).toBe(true);
  });

  it('makes, from a range’s leaves fed in chunks, exactly the stored inner nodes wholly inside the range', () => {
    const stored = storeInBatches(all, [37]);
    const side = (hashes: Uint8Array[]) => {
      const out = new Uint8Array(hashes.length * 32);
      hashes.forEach((hash, i) => out.set(hash, i * 32));
      return out;
    };
    for (const [start, end] of [
      [0, 37],
      [0, 32],
      [5, 6],
      [3, 5],
      [7, 29],
      [16, 37],
      [1, 36],
      [0, 1],
      [4, 4],
    ]) {
      for (const chunk of [1, 3, 8, 64]) {
        const builder = new RangeTreeBuilder(sha256, start, end);
        for (let at = start; at < end; at += chunk) builder.add(side(all.slice(at, Math.min(end, at + chunk))));
        const levels = builder.levels();
        // Every level whose nodes span no more than the range, and in each exactly the nodes wholly inside it.
        expect(levels.length, `${start}..${end}`).toBe(end - start < 2 ? 0 : Math.floor(Math.log2(end - start)));
        levels.forEach((nodes, i) => {
          const level = i + 1;
          const expected: Uint8Array[] = [];
          for (let index = Math.ceil(start / 2 ** level); index < Math.floor(end / 2 ** level); index++) {
            expected.push(stored.get(nodeKey(level, index))!);
          }
          expect(toHex(nodes), `${start}..${end} level ${level} in chunks of ${chunk}`).toBe(toHex(side(expected)));
        });
      }
    }
  });

  it('refuses leaves beyond the range, a chunk that is not whole hashes, and levels before every leaf is in', () => {
    const builder = new RangeTreeBuilder(sha256, 2, 6);
    expect(() => builder.add(new Uint8Array(31))).toThrow(RangeError);
    builder.add(new Uint8Array(3 * 32));
    expect(() => builder.levels()).toThrow(/not added yet/);
    expect(() => builder.add(new Uint8Array(2 * 32))).toThrow(/not the next leaves/);
    builder.add(new Uint8Array(32));
    expect(builder.levels()).toHaveLength(2);
  });

  it('refuses a subtree that is empty or not aligned, and an append without its frontier', () => {
    expect(() => nodesOfSubtree(3, 3)).toThrow(RangeError);
    expect(() => nodesOfSubtree(2, 6)).toThrow(/not aligned/);
    const missing: StoredNode[] = [];
    expect(() => missing.push(...nodesAfterAppend(sha256, 1, leaves(1, 1), new Map()))).toThrow(/missing from the frontier/);
  });
});
