import type { ModulePermissions } from '../../permissions/module-permissions';

/**
 * Notifications: each person reads and marks read their own, and nobody else's — no role, no
 * jurisdiction opens another's (an organization learns turnout from campaigns, not from who was told).
 */
export const NOTIFICATIONS_PERMISSIONS = {
  subjects: ['Notification'],
  rules: (principal, can) => {
    if (principal.kind === 'USER') can(['read', 'update'], 'Notification', { user: principal.id });
  },
} as const satisfies ModulePermissions<'Notification'>;
