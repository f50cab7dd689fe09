import type { ModulePermissions } from '../../permissions/module-permissions';

type CadresSubject = 'Cadre' | 'Post' | 'Term';

/**
 * Cadres, posts and terms: who holds which post is public (a cadre's name, never a personal identifier);
 * an organization manages those of its jurisdiction — a cadre by the region that keeps the record, a
 * post by the region it serves, a term by its post's region — and an auditor reads them.
 */
export const CADRES_PERMISSIONS = {
  subjects: ['Cadre', 'Post', 'Term'],
  scopes: ['CADRES'],
  publicReads: { CADRES: [{ subject: 'Cadre' }, { subject: 'Post' }, { subject: 'Term' }] },
  jurisdiction: [{ subjects: ['Cadre', 'Post', 'Term'], field: 'region.path', organization: 'manage', auditor: 'read' }],
} as const satisfies ModulePermissions<CadresSubject>;
