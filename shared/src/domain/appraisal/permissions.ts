import type { ModulePermissions } from '../../permissions/module-permissions';

type AppraisalSubject = 'Inspection' | 'SpecialAudit' | 'Verdict' | 'VerdictSettings';

/**
 * The appraisal of a cadre's term beside mass evaluation: organizations record inspections and special
 * audits in their jurisdiction and read the verdicts they feed; auditors read all three. None of it is
 * public (the public reads a campaign's published results). The verdict thresholds are versioned
 * settings, public so that anyone can see how a verdict is reached, and kept by the root organization.
 */
export const APPRAISAL_PERMISSIONS = {
  subjects: ['Inspection', 'SpecialAudit', 'Verdict', 'VerdictSettings'],
  publicReads: { EVALUATION: [{ subject: 'VerdictSettings' }] },
  jurisdiction: [
    { subjects: ['Inspection', 'SpecialAudit'], field: 'region.path', organization: 'manage', auditor: 'read' },
    { subjects: ['Verdict'], field: 'region.path', organization: 'read', auditor: 'read' },
  ],
  platform: ['VerdictSettings'],
} as const satisfies ModulePermissions<AppraisalSubject>;
