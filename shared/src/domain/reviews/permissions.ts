import type { ModulePermissions } from '../../permissions/module-permissions';

/**
 * Review alerts: an "incompetent" verdict on a term is the granting body's to review. The alert is
 * addressed to one organization — the one that recorded the term's grant, or for a term recorded
 * without a grant the organization its post belongs to — which reads and resolves it; no other
 * organization sees it, whatever its jurisdiction. Auditors read those of their jurisdiction. Not public.
 */
export const REVIEWS_PERMISSIONS = {
  subjects: ['ReviewAlert'],
  jurisdiction: [{ subjects: ['ReviewAlert'], field: 'region.path', auditor: 'read' }],
  rules(principal, can) {
    if (principal.kind === 'USER' && principal.role === 'ORGANIZATION' && principal.organizationId)
      can(['read', 'update'], 'ReviewAlert', { organizationId: principal.organizationId });
  },
} as const satisfies ModulePermissions<'ReviewAlert'>;
