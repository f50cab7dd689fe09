import type { NavGroup } from './feature';

/** The menu that several features share: regions, accounts and the audit log all administer the platform. */
export const ADMINISTRATION: NavGroup = { id: 'administration', label: 'nav.group.administration' };

/** Mechanism 2's menu: cadres and posts here, the evaluation feature's campaigns and results beside them. */
export const EVALUATION: NavGroup = { id: 'evaluation', label: 'nav.group.evaluation' };
