import type { ModulePermissions } from '../../permissions/module-permissions';
import { CAMPAIGN_STATUSES } from './campaign-transitions';

type EvaluationSubject = 'Campaign' | 'Ballot';

/** The paths of a region and every region above it, root first: `/88/8801/880102/` → `/88/`, `/88/8801/`, `/88/8801/880102/`. */
export function selfAndAncestorPaths(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

/** What a citizen sees of campaigns: every one past its draft, in their region or above it. */
const SEEN_BY_CITIZENS = CAMPAIGN_STATUSES.filter((status) => status !== 'DRAFT');

/**
 * Mass evaluation of cadres. Organizations manage the campaigns of their jurisdiction and read only
 * aggregates; auditors read them; published campaigns are public. A citizen reads the campaigns of their
 * region and the regions above it once opened, and may `vote` in the open ones (the service also
 * refuses, with its own codes, the unverified and those outside the region). A ballot is never readable
 * by anyone: nobody, organizations and auditors included, can ask who cast which ballot.
 */
export const EVALUATION_PERMISSIONS = {
  subjects: ['Campaign', 'Ballot'],
  scopes: ['EVALUATION'],
  publicReads: { EVALUATION: [{ subject: 'Campaign', conditions: { status: 'PUBLISHED' } }] },
  jurisdiction: [{ subjects: ['Campaign'], field: 'region.path', organization: 'manage', auditor: 'read' }],
  rules(principal, can) {
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') return;
    const regions = { $in: selfAndAncestorPaths(principal.regionPath) };
    can('read', 'Campaign', { status: { $in: SEEN_BY_CITIZENS }, 'region.path': regions });
    can('vote', 'Campaign', { status: 'OPEN', 'region.path': regions });
  },
  forbidden: [{ actions: ['manage'], subject: 'Ballot' }],
} as const satisfies ModulePermissions<EvaluationSubject>;
