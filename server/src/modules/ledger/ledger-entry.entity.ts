import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One entry of the ledger (docs/ledger.md): the `sequence`-th record appended, its type and id, the hash
 * of its canonical payload, and the chain (the entry before's hash, its own). Append-only: the database
 * refuses UPDATE, DELETE and TRUNCATE (trigger), and the runtime role has no such grant. No foreign key:
 * an entry names records of any module.
 */
@Entity({ tableName: 'ledger_entry' })
@Unique({ name: 'ledger_entry_record_once', properties: ['recordType', 'recordId'] })
@Index({ name: 'ledger_entry_record_id_index', properties: ['recordId'] })
export class LedgerEntry {
  /** From 0: the entry's leaf index in the Merkle tree. */
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  sequence!: string;

  // Milliseconds, as the entry's canonical encoding says them.
  @Property({ type: 'datetime', length: 3 })
  recordedAt!: Date;

  @Property({ type: 'string', length: 64 })
  recordType!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'blob' })
  payloadHash!: Buffer;

  @Property({ type: 'blob' })
  previousHash!: Buffer;

  @Property({ type: 'blob' })
  entryHash!: Buffer;
}
