import { defineModule, resolver } from '../../app/module-manifest';
import { onEveryPublication } from '../../common/domain-events';
import { AuditEntry } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The audit log: one entry per domain event, written in the change's transaction, read by auditors. */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry],
  createServices: () => ({ audit: new AuditService() }),
  resolvers: [resolver(AuditResolver, (s: { audit: AuditService }) => new AuditResolver(s.audit))],
  // The record of a change comes first: every other listener sees an audited change.
  listeners: ({ audit }) => [onEveryPublication('audit.record', 'record', (em, context, events) => audit.record(em, context, events))],
  // The audit log's table is created by the platform's Foundation migration (server/src/migrations).
  migrations: [],
  // The server's runtime role may read and append to the audit log, never change it (app/database-roles.ts).
  appendOnlyTables: ['audit_entry'],
});
