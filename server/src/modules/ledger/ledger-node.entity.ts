import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A stored node of the ledger's Merkle tree: the hash of the perfect subtree of 2^level leaves from leaf
 * index·2^level (shared ledger `merkle-nodes.ts`). Level 0 holds the leaf hashes. With them a proof or a
 * root reads O(log n) rows, however long the ledger. Append-only, as the entries.
 */
@Entity({ tableName: 'ledger_node' })
export class LedgerNode {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  level!: number;

  @PrimaryKey({ type: 'bigint', autoincrement: false })
  index!: string;

  @Property({ type: 'blob' })
  hash!: Buffer;
}
