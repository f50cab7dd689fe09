import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The ledger's head: one row, locked by every append (SELECT … FOR UPDATE) so that appends are strictly
 * sequential — no gap, no fork — and moved by a guarded update (`size` only grows, from the value read).
 */
@Entity({ tableName: 'ledger_head' })
export class LedgerHead {
  /** Always 1: the one row. */
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  /** How many entries the ledger holds: the next entry's sequence. */
  @Property({ type: 'bigint' })
  size!: string;

  /** The last entry's hash (the genesis hash while empty). */
  @Property({ type: 'blob' })
  lastHash!: Buffer;
}
