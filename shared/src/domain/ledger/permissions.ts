import type { ModulePermissions } from '../../permissions/module-permissions';

/**
 * The ledger: its signed head, its entries' hashes and its proofs are public (anyone may check a record
 * without trusting the platform), so its queries are public operations. Recomputing the whole chain from
 * the records themselves (`verifyLedger`) reads every record, private ones included, and is the
 * auditors' work.
 */
export const LEDGER_PERMISSIONS = {
  subjects: ['Ledger'],
  rules(principal, can) {
    if (principal.kind === 'USER' && principal.role === 'AUDITOR') can('verify', 'Ledger');
  },
  forbidden: [{ actions: ['create', 'update', 'deactivate', 'revoke'], subject: 'Ledger' }],
} as const satisfies ModulePermissions<'Ledger'>;
