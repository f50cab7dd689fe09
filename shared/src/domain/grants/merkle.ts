/**
 * The ledger as a Merkle tree, hashed as RFC 9162 (Certificate Transparency 2.0) §2.1 says, so that anyone
 * can check one record's inclusion, and that the log only grew between two tree heads, with the hashes
 * of a proof alone:
 *   leaf:  HASH(0x00 || entry)          node: HASH(0x01 || left || right)
 *   MTH(D[n]) splits at k, the largest power of two below n.
 * Proof generation reads subtree hashes through `subtreeHash(start, end)` (MTH of D[start:end]), so the
 * server can serve them from stored hashes in O(log n); verification needs only the hash function.
 */
export type HashFunction = (data: Uint8Array) => Uint8Array;

/** MTH(D[start:end]) of the tree being proven. */
export type SubtreeHasher = (start: number, end: number) => Uint8Array;

/** `prefix ‖ left ‖ right` (right optional), without rest arguments: the verifier makes a node per entry. */
function concat(prefix: number, left: Uint8Array, right?: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + left.length + (right ? right.length : 0));
  out[0] = prefix;
  out.set(left, 1);
  if (right) out.set(right, 1 + left.length);
  return out;
}

export const leafHash = (hash: HashFunction, entry: Uint8Array): Uint8Array => hash(concat(0x00, entry));
export const nodeHash = (hash: HashFunction, left: Uint8Array, right: Uint8Array): Uint8Array => hash(concat(0x01, left, right));

/** The largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes held in memory (tests, small trees, the offline script). */
export function rootOf(hash: HashFunction, leafHashes: readonly Uint8Array[], start = 0, end = leafHashes.length): Uint8Array {
  const n = end - start;
  if (n === 0) return hash(new Uint8Array(0));
  if (n === 1) return leafHashes[start];
  const k = splitPoint(n);
  return nodeHash(hash, rootOf(hash, leafHashes, start, start + k), rootOf(hash, leafHashes, start + k, end));
}

/** The inclusion proof (audit path) of leaf `index` in a tree of `size` leaves: RFC 9162 PATH(m, D[n]). */
export function inclusionProof(index: number, size: number, subtreeHash: SubtreeHasher): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Uint8Array[] = [];
  const walk = (m: number, start: number, end: number) => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push(subtreeHash(start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(subtreeHash(start, start + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** RFC 9162 §2.1.3.2: does `proof` show that `leaf` (a leaf hash) is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  hash: HashFunction,
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(hash, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(hash, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/** The consistency proof between the tree of `first` leaves and the tree of `second`: RFC 9162 PROOF(m, D[n]). */
export function consistencyProof(first: number, second: number, subtreeHash: SubtreeHasher): Uint8Array[] {
  if (!Number.isInteger(first) || first < 0 || first > second) throw new RangeError(`no consistency proof from ${first} to ${second}`);
  const proof: Uint8Array[] = [];
  if (first === 0 || first === second) return proof;
  const sub = (m: number, start: number, end: number, complete: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!complete) proof.push(subtreeHash(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, complete);
      proof.push(subtreeHash(start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      proof.push(subtreeHash(start, start + k));
    }
  };
  sub(first, 0, second, true);
  return proof;
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (`second`, `secondRoot`) extends the tree (`first`, `firstRoot`)? */
export function verifyConsistency(
  hash: HashFunction,
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (first > second || first < 0) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(hash, c, fr);
      sr = nodeHash(hash, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(hash, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
