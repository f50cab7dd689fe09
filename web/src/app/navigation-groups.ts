import type { NavGroup } from './feature';

/** The menu that several features share: regions, accounts and the audit log all administer the platform. */
export const ADMINISTRATION: NavGroup = { id: 'administration', label: 'nav.group.administration' };

/** The menu of mechanism 2, shared by the cadres, evaluation and appraisal features. */
export const EVALUATION: NavGroup = { id: 'evaluation', label: 'nav.group.evaluation' };
