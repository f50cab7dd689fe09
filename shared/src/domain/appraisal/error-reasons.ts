import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the appraisal module (inspections, special audits, verdicts) refuses a request, each with its API code. */
export const APPRAISAL_ERROR_REASONS = {
  INVALID_INSPECTION: 'BAD_USER_INPUT',
  INVALID_SPECIAL_AUDIT: 'BAD_USER_INPUT',
  INVALID_VERDICT_SETTINGS: 'BAD_USER_INPUT',
  VERDICT_SETTINGS_ALREADY_ACTIVE: 'CONFLICT',
} as const satisfies Record<string, ApiErrorCode>;
