import { defineModule, resolver } from '../../app/module-manifest';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerHead } from './ledger-head.entity';
import { LedgerNode } from './ledger-node.entity';
import { LedgerResolver } from './ledger.resolver';
import { LedgerService } from './ledger.service';
import { LedgerSigner } from './ledger-signer';
import { Migration20261129174213Ledger } from './migrations/Migration20261129174213Ledger';

export interface LedgerServices {
  ledger: LedgerService;
}

/**
 * The platform's append-only, verifiable ledger (docs/ledger.md): other modules register their record
 * types and append their records in the same transaction as the records; anyone reads the signed head
 * and proofs; auditors verify the whole chain from the records.
 */
export const ledgerModule = defineModule({
  name: 'ledger',
  entities: [LedgerEntry, LedgerNode, LedgerHead],
  createServices: ({ config }): LedgerServices => ({ ledger: new LedgerService(new LedgerSigner(config.ledgerKeyFile)) }),
  resolvers: [resolver(LedgerResolver, (s: LedgerServices) => new LedgerResolver(s.ledger))],
  migrations: [{ name: 'Migration20261129174213Ledger', class: Migration20261129174213Ledger }],
  // Entries and tree nodes are only ever appended; the head's size and last hash only move forward, by a guarded update.
  appendOnlyTables: ['ledger_entry', 'ledger_node'],
  guardedColumns: { ledger_head: ['size', 'last_hash'] },
});
