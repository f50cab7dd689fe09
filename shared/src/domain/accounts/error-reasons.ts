import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the accounts module refuses a request, each with its API code. */
export const ACCOUNTS_ERROR_REASONS = {
  EMAIL_TAKEN: 'CONFLICT',
  WEAK_PASSWORD: 'BAD_USER_INPUT',
  ROLE_REGION_MISMATCH: 'BAD_USER_INPUT',
  USER_ALREADY_IN_STATE: 'CONFLICT',
  ORGANIZATION_ALREADY_IN_STATE: 'CONFLICT',
  CANNOT_DEACTIVATE_SELF: 'CONFLICT',
  CITIZEN_ALREADY_REVIEWED: 'CONFLICT',
  NOT_A_CITIZEN: 'BAD_USER_INPUT',
  API_TOKEN_ALREADY_REVOKED: 'CONFLICT',
  /** Too many failed sign-ins (from this address, or of this e-mail from it): wait Retry-After seconds. */
  SIGN_IN_THROTTLED: 'TOO_MANY_REQUESTS',
  REGISTRATION_THROTTLED: 'TOO_MANY_REQUESTS',
  /** A password change or a session's end needs re-authentication: the current password given is wrong. */
  WRONG_CURRENT_PASSWORD: 'BAD_USER_INPUT',
  /** Of two concurrent changes of one password, the second finds the password changed meanwhile. */
  PASSWORD_CHANGED_MEANWHILE: 'CONFLICT',
  /** Only a person signed in with a session has a password and sessions (not an API token). */
  SESSION_REQUIRED: 'FORBIDDEN',
} as const satisfies Record<string, ApiErrorCode>;
