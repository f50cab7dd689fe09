import type { ModulePermissions } from '../../permissions/module-permissions';

type HarmonySubject = 'Indicator' | 'Observation' | 'MethodologyVersion' | 'Assessment' | 'Alert' | 'SensitivityRun';

/**
 * The harmony index: the catalogue, the methodology and published assessments are public; an
 * organization manages the observations, assessments and alerts of its jurisdiction, an auditor reads
 * them, raw data included (and starts no sensitivity run); the catalogue and the methodology are the
 * root organization's.
 */
export const HARMONY_PERMISSIONS = {
  subjects: ['Indicator', 'Observation', 'MethodologyVersion', 'Assessment', 'Alert', 'SensitivityRun'],
  scopes: ['HARMONY'],
  publicReads: {
    HARMONY: [{ subject: 'Indicator' }, { subject: 'MethodologyVersion' }, { subject: 'Assessment', conditions: { published: true } }],
  },
  jurisdiction: [{ subjects: ['Observation', 'Assessment', 'Alert'], field: 'region.path', organization: 'manage', auditor: 'read' }],
  // A sensitivity run is a stored computation its starter manages: an organization's tool. Auditors only
  // read, so they neither start nor store runs.
  rules(principal, can) {
    if (principal.kind === 'USER' && principal.role === 'ORGANIZATION') can(['create', 'read'], 'SensitivityRun');
  },
  platform: ['Indicator', 'MethodologyVersion'],
} as const satisfies ModulePermissions<HarmonySubject>;
