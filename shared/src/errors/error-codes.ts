/**
 * Error codes, one vocabulary for server and console.
 *
 * Every error the API returns carries `extensions.code` (one of the API codes, which clients branch on)
 * and `extensions.reason` (the precise module code, which the console translates). The map from reason
 * to API code is exhaustive by construction: adding a reason without its API code does not compile.
 */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ERROR_REASONS = {
  // authentication and authorization
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'UNAUTHENTICATED',
  INVALID_API_TOKEN: 'UNAUTHENTICATED',
  SIGN_IN_LOCKED: 'TOO_MANY_REQUESTS',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  FORBIDDEN: 'FORBIDDEN',
  OUT_OF_JURISDICTION: 'FORBIDDEN',
  // generic input
  INVALID_INPUT: 'BAD_USER_INPUT',
  INVALID_PERIOD: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  PAGE_SIZE_OUT_OF_RANGE: 'BAD_USER_INPUT',
  // the request itself
  QUERY_TOO_COSTLY: 'BAD_USER_INPUT',
  REQUEST_TOO_LARGE: 'BAD_USER_INPUT',
  MALFORMED_REQUEST: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  // regions
  REGION_CODE_TAKEN: 'CONFLICT',
  REGION_LEVEL_INVALID: 'BAD_USER_INPUT',
  // accounts
  EMAIL_TAKEN: 'CONFLICT',
  WEAK_PASSWORD: 'BAD_USER_INPUT',
  ROLE_REGION_MISMATCH: 'BAD_USER_INPUT',
  USER_ALREADY_IN_STATE: 'CONFLICT',
  ORGANIZATION_ALREADY_IN_STATE: 'CONFLICT',
  CANNOT_DEACTIVATE_SELF: 'CONFLICT',
  CITIZEN_ALREADY_REVIEWED: 'CONFLICT',
  NOT_A_CITIZEN: 'BAD_USER_INPUT',
  API_TOKEN_ALREADY_REVOKED: 'CONFLICT',
  // audit
  AUDIT_LOG_APPEND_ONLY: 'FORBIDDEN',
  // harmony index
  INDICATOR_CODE_TAKEN: 'CONFLICT',
  UNKNOWN_INDICATOR: 'BAD_USER_INPUT',
  INVALID_OBSERVATION: 'BAD_USER_INPUT',
  MISSING_POPULATION: 'BAD_USER_INPUT',
  INVALID_CSV: 'BAD_USER_INPUT',
  INVALID_METHODOLOGY: 'BAD_USER_INPUT',
  INVALID_GINI_INPUT: 'BAD_USER_INPUT',
  METHODOLOGY_ALREADY_ACTIVE: 'CONFLICT',
  NO_ACTIVE_METHODOLOGY: 'CONFLICT',
  ALERT_TRANSITION_INVALID: 'CONFLICT',
  NOTHING_TO_PUBLISH: 'CONFLICT',
  TOO_MANY_SENSITIVITY_RUNS: 'TOO_MANY_REQUESTS',
} as const satisfies Record<string, ApiErrorCode>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export function apiCodeOf(reason: ErrorReason): ApiErrorCode {
  return ERROR_REASONS[reason];
}

/** Per-field messages of a refused input, so that a form shows each next to its field. */
export type FieldErrors = Record<string, string>;
