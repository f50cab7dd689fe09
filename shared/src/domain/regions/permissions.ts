import type { ModulePermissions } from '../../permissions/module-permissions';

/** Regions: public to all; an organization manages the regions of its jurisdiction. */
export const REGIONS_PERMISSIONS = {
  subjects: ['Region'],
  scopes: ['REGIONS'],
  publicReads: { REGIONS: [{ subject: 'Region' }] },
  jurisdiction: [{ subjects: ['Region'], field: 'path', organization: 'manage' }],
} as const satisfies ModulePermissions<'Region'>;
