import type { ModulePermissions } from '../../permissions/module-permissions';

/** The audit log: read by the organizations and auditors of a jurisdiction; append-only for everyone. */
export const AUDIT_PERMISSIONS = {
  subjects: ['AuditEntry'],
  jurisdiction: [{ subjects: ['AuditEntry'], field: 'regionPath', organization: 'read', auditor: 'read' }],
  // Even the root organization cannot rewrite it.
  forbidden: [{ actions: ['create', 'update', 'deactivate', 'revoke', 'verify'], subject: 'AuditEntry' }],
} as const satisfies ModulePermissions<'AuditEntry'>;
