/**
 * The platform's append-only ledger (docs/ledger.md): the canonical encoding of records and entries, the
 * entry and payload hashes, the signed tree head's bytes, and the Merkle tree kept as stored nodes. Pure
 * functions shared by the server, the console and the offline verification script.
 */
export { canonicalBytes, canonicalJson, canonicalJsonOfText, utf8, type CanonicalValue } from './canonical-json';
export {
  entryHashes,
  entryHashOf,
  entryLeafHash,
  GENESIS_HASH,
  ledgerEntryBytes,
  ledgerEntryText,
  payloadHashOf,
  TREE_HEAD_LABEL,
  treeHeadBytes,
  type LedgerEntryFields,
  type TreeHead,
} from './ledger-entry';
export {
  frontierOf,
  RangeTreeBuilder,
  nodeKey,
  nodesAfterAppend,
  nodesOfSubtree,
  subtreeHashFromNodes,
  type NodeAddress,
  type StoredNode,
} from './merkle-nodes';
