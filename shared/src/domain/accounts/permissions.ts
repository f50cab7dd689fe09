import type { ModulePermissions } from '../../permissions/module-permissions';

type AccountsSubject = 'Organization' | 'User' | 'ApiToken';

/**
 * Accounts: organizations are public (a granting body is named in the open), users and tokens are not;
 * an organization manages those of its jurisdiction, an auditor reads them; everybody reads their own
 * account. Password and token hashes are never readable.
 */
export const ACCOUNTS_PERMISSIONS = {
  subjects: ['Organization', 'User', 'ApiToken'],
  publicReads: { REGIONS: [{ subject: 'Organization' }] },
  secretFields: { User: ['passwordHash'], ApiToken: ['secretHash'] },
  jurisdiction: [{ subjects: ['Organization', 'User', 'ApiToken'], field: 'region.path', organization: 'manage', auditor: 'read' }],
  rules: (principal, can) => {
    if (principal.kind === 'USER') can('read', 'User', { id: principal.id });
  },
} as const satisfies ModulePermissions<AccountsSubject>;
