import type { NavGroup } from './feature';

/** The menu that several features share: regions, accounts and the audit log all administer the platform. */
export const ADMINISTRATION: NavGroup = { id: 'administration', label: 'nav.group.administration' };
