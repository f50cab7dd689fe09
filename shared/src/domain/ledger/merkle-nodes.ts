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
