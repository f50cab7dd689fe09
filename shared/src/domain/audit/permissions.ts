import type { ModulePermissions } from '../../permissions/module-permissions';

/**
 * The audit log: read by the organizations and auditors of a jurisdiction; append-only for everyone.
 * The security log (sign-ins, failed and throttled attempts, refused requests): read by the auditors of
 * a jurisdiction only — it records the organizations' own staff and residents' addresses, and oversight
 * of them is the auditors' part.
 */
export const AUDIT_PERMISSIONS = {
  subjects: ['AuditEntry', 'SecurityEvent'],
  jurisdiction: [
    { subjects: ['AuditEntry'], field: 'regionPath', organization: 'read', auditor: 'read' },
    { subjects: ['SecurityEvent'], field: 'regionPath', auditor: 'read' },
  ],
  // Even the root organization cannot rewrite them.
  forbidden: [
    { actions: ['create', 'update', 'deactivate', 'revoke', 'verify'], subject: 'AuditEntry' },
    { actions: ['create', 'update', 'deactivate', 'revoke', 'verify'], subject: 'SecurityEvent' },
  ],
} as const satisfies ModulePermissions<'AuditEntry' | 'SecurityEvent'>;
