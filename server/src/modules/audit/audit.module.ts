import { defineModule, resolver } from '../../app/module-manifest';
import { readById } from '../../common/loaders';
import { onEveryPublication } from '../../common/domain-events';
import { AuditEntry } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { Migration20261130004200SecurityLog } from './migrations/Migration20261130004200SecurityLog';
import { Migration20261201203917KeysetAudit } from './migrations/Migration20261201203917KeysetAudit';
import { Migration20261202153848PasswordChangeEvents } from './migrations/Migration20261202153848PasswordChangeEvents';
import { SecurityEvent } from './security-event.entity';
import { SecurityEventResolver } from './security-event.resolver';
import { SecurityLogService } from './security-log.service';

export interface AuditServices {
  audit: AuditService;
  securityLog: SecurityLogService;
}

/**
 * The audit log (one entry per domain event, written in the change's transaction) and the security log
 * (sign-ins and refusals, written outside it), read by auditors.
 */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry, SecurityEvent],
  createServices: ({ config }): AuditServices => ({
    audit: new AuditService(),
    securityLog: new SecurityLogService(config.securityLog.floodIntervalMs),
  }),
  resolvers: [
    resolver(AuditResolver, (s: AuditServices) => new AuditResolver(s.audit)),
    resolver(SecurityEventResolver, (s: AuditServices) => new SecurityEventResolver(s.securityLog)),
  ],
  nodes: () => ({
    AuditEntry: (context, id) => readById(context, AuditEntry, 'AuditEntry', id),
    SecurityEvent: (context, id) => readById(context, SecurityEvent, 'SecurityEvent', id),
  }),
  // The record of a change comes first: every other listener sees an audited change.
  listeners: ({ audit }) => [onEveryPublication('audit.record', 'record', (em, context, events) => audit.record(em, context, events))],
  // The audit log's table was created by the platform's Foundation migration (server/src/migrations).
  migrations: [
    { name: 'Migration20261130004200SecurityLog', class: Migration20261130004200SecurityLog },
    { name: 'Migration20261201203917KeysetAudit', class: Migration20261201203917KeysetAudit },
    { name: 'Migration20261202153848PasswordChangeEvents', class: Migration20261202153848PasswordChangeEvents },
  ],
  // The server's runtime role may read and append to both logs, never change them (app/database-roles.ts).
  appendOnlyTables: ['audit_entry', 'security_event'],
});
