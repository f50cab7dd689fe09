import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the harmony module refuses a request, each with its API code. */
export const HARMONY_ERROR_REASONS = {
  INDICATOR_CODE_TAKEN: 'CONFLICT',
  UNKNOWN_INDICATOR: 'BAD_USER_INPUT',
  INVALID_OBSERVATION: 'BAD_USER_INPUT',
  OBSERVATION_CHANGED: 'CONFLICT',
  /** A value fed by published evaluation campaigns (method CAMPAIGN): only campaigns replace it, never a form or an import. */
  OBSERVATION_FROM_CAMPAIGNS: 'CONFLICT',
  MISSING_POPULATION: 'BAD_USER_INPUT',
  INVALID_CSV: 'BAD_USER_INPUT',
  INVALID_METHODOLOGY: 'BAD_USER_INPUT',
  INVALID_GINI_INPUT: 'BAD_USER_INPUT',
  METHODOLOGY_ALREADY_ACTIVE: 'CONFLICT',
  NO_ACTIVE_METHODOLOGY: 'CONFLICT',
  ALERT_TRANSITION_INVALID: 'CONFLICT',
  ALERT_UNDO_NOT_YOURS: 'CONFLICT',
  ALERT_UNDO_TOO_LATE: 'CONFLICT',
  NOTHING_TO_PUBLISH: 'CONFLICT',
  TOO_MANY_SENSITIVITY_RUNS: 'TOO_MANY_REQUESTS',
} as const satisfies Record<string, ApiErrorCode>;
