/**
 * The ledger's Merkle tree kept as stored nodes, so that a proof over a million entries reads O(log n)
 * hashes rather than a million leaves. A node (level, index) is the hash of the perfect subtree of
 * 2^level leaves starting at leaf index·2^level — MTH(D[i·2^l : (i+1)·2^l]) in RFC 9162's terms. Every
 * subtree an RFC 9162 proof or root asks for is a few such nodes folded with the node hash: a power-of-
 * two subtree is one node; any other splits at the largest power of two below its size, and its left
 * part is aligned on that power (the RFC's recursion only ever starts subtrees there).
 */
import { nodeHash, splitPoint, type HashFunction } from '../grants/merkle';

export interface NodeAddress {
  level: number;
  index: number;
}

export interface StoredNode extends NodeAddress {
  hash: Uint8Array;
}

export const nodeKey = (level: number, index: number): string => `${level}:${index}`;

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;
const levelOf = (n: number) => Math.round(Math.log2(n));

/** Calls `visit` with the stored nodes MTH(D[start:end]) is folded from, left to right. */
function walk(start: number, end: number, visit: (level: number, index: number) => void): void {
  const n = end - start;
  if (n <= 0) throw new RangeError(`no subtree from ${start} to ${end}`);
  if (isPowerOfTwo(n)) {
    if (start % n !== 0) throw new RangeError(`the subtree ${start}..${end} is not aligned`);
    visit(levelOf(n), start / n);
    return;
  }
  const k = splitPoint(n);
  walk(start, start + k, visit);
  walk(start + k, end, visit);
}

/** The stored nodes MTH(D[start:end]) needs. */
export function nodesOfSubtree(start: number, end: number): NodeAddress[] {
  const found: NodeAddress[] = [];
  walk(start, end, (level, index) => found.push({ level, index }));
  return found;
}

/** MTH(D[start:end]) from stored nodes (`node(level, index)` answers each one `nodesOfSubtree` names). */
export function subtreeHashFromNodes(
  hash: HashFunction,
  start: number,
  end: number,
  node: (level: number, index: number) => Uint8Array,
): Uint8Array {
  const n = end - start;
  if (isPowerOfTwo(n)) return node(levelOf(n), start / n);
  const k = splitPoint(n);
  return nodeHash(hash, subtreeHashFromNodes(hash, start, start + k, node), subtreeHashFromNodes(hash, start + k, end, node));
}

/** The perfect subtrees that cover the first `size` leaves (largest first): all an append needs of the tree before it. */
export function frontierOf(size: number): NodeAddress[] {
  const found: NodeAddress[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      found.push({ level, index: start / width });
      start += width;
    }
  }
  return found;
}

/**
 * The nodes to store when `leaves` (leaf hashes) are appended to a tree of `size` leaves: each leaf
 * (level 0) and every perfect subtree they complete. `frontier` holds the hashes of `frontierOf(size)`
 * (by `nodeKey`): the left siblings the new nodes are made with.
 */
export function nodesAfterAppend(
  hash: HashFunction,
  size: number,
  leaves: readonly Uint8Array[],
  frontier: ReadonlyMap<string, Uint8Array>,
): StoredNode[] {
  const known = new Map(frontier);
  const made: StoredNode[] = [];
  leaves.forEach((leaf, offset) => {
    const index = size + offset;
    known.set(nodeKey(0, index), leaf);
    made.push({ level: 0, index, hash: leaf });
    let level = 0;
    let at = index;
    // A right child completes its parent: climb while this node is a right child.
    while (at % 2 === 1) {
      const left = known.get(nodeKey(level, at - 1));
      const right = known.get(nodeKey(level, at));
      if (!left || !right) throw new Error(`the node ${nodeKey(level, at - 1)} is missing from the frontier`);
      const parent = nodeHash(hash, left, right);
      level++;
      at = (at - 1) / 2;
      known.set(nodeKey(level, at), parent);
      made.push({ level, index: at, hash: parent });
    }
  });
  return made;
}

/**
 * The inner nodes wholly inside the leaves start..end (end exclusive), made from those leaves as they are
 * fed in order, a chunk at a time (the verifier feeds each batch's leaves once it has checked them, so the
 * tree is made while the next batch is read). `levels()` then holds, for each level from 1 up that a node
 * of the range could reach, the hashes of its nodes ceil(start / 2^level) … floor(end / 2^level) − 1 side
 * by side (32 bytes each, lowest index first; empty where none fits): what the stored nodes must be.
 */
export class RangeTreeBuilder {
  private readonly made: Uint8Array[] = [];
  private readonly first: number[] = [];
  /** Per level, the left child waiting for its sibling (its index; -1 when none). */
  private readonly waitingIndex: number[] = [];
  private readonly waitingHash: Uint8Array[] = [];
  private next: number;

  constructor(
    private readonly hash: HashFunction,
    start: number,
    private readonly end: number,
  ) {
    this.next = start;
    for (let level = 0; 2 ** level <= end - start; level++) {
      const first = Math.ceil(start / 2 ** level);
      this.first.push(first);
      this.made.push(new Uint8Array(Math.max(0, Math.floor(end / 2 ** level) - first) * HASH_BYTES));
      this.waitingIndex.push(-1);
      this.waitingHash.push(new Uint8Array(0));
    }
  }

  /** The next leaves of the range, in order, side by side (32 bytes each). */
  add(leaves: Uint8Array): void {
    if (leaves.length % HASH_BYTES !== 0 || this.next + leaves.length / HASH_BYTES > this.end) {
      throw new RangeError(`${leaves.length} bytes are not the next leaves of ${this.next}..${this.end}`);
    }
    for (let at = 0; at < leaves.length; at += HASH_BYTES) this.place(0, this.next++, leaves.subarray(at, at + HASH_BYTES));
  }

  private place(level: number, index: number, hash: Uint8Array): void {
    if (level > 0) this.made[level].set(hash, (index - this.first[level]) * HASH_BYTES);
    if (level + 1 >= this.made.length) return;
    if (index % 2 === 0) {
      this.waitingIndex[level] = index;
      this.waitingHash[level] = hash;
    } else if (this.waitingIndex[level] === index - 1) {
      this.waitingIndex[level] = -1;
      this.place(level + 1, (index - 1) / 2, nodeHash(this.hash, this.waitingHash[level], hash));
    }
  }

  /** Each level's nodes from level 1 up, once every leaf of the range has been added. */
  levels(): Uint8Array[] {
    if (this.next !== this.end) throw new RangeError(`leaves ${this.next}..${this.end} are not added yet`);
    return this.made.slice(1);
  }
}

const HASH_BYTES = 32;
