import type { ModulePermissions } from '../../permissions/module-permissions';

type GrantsSubject = 'Grant' | 'GrantObjection' | 'WorkingDayCalendar';

/**
 * Power-granting records are public (who gave whom which power, by what procedure), and so are the
 * objections to a notice with their answers (the filer's name only when they chose to be named; the
 * server never exposes who filed an anonymous one) and the holiday calendar. Organizations record the
 * grants of their jurisdiction (the post's region) and answer their objections; auditors read them;
 * the root organization keeps the calendar. Citizens object: the service checks that the notice is
 * open and of their region or one above it, and that their residence is verified.
 */
export const GRANTS_PERMISSIONS = {
  subjects: ['Grant', 'GrantObjection', 'WorkingDayCalendar'],
  scopes: ['GRANTS'],
  publicReads: { GRANTS: [{ subject: 'Grant' }, { subject: 'GrantObjection' }, { subject: 'WorkingDayCalendar' }] },
  jurisdiction: [{ subjects: ['Grant', 'GrantObjection'], field: 'region.path', organization: 'manage', auditor: 'read' }],
  rules(principal, can) {
    if (principal.kind === 'USER' && principal.role === 'CITIZEN') can('create', 'GrantObjection');
  },
  platform: ['WorkingDayCalendar'],
} as const satisfies ModulePermissions<GrantsSubject>;
