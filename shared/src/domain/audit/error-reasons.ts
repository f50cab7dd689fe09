import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the audit module refuses a request, each with its API code. */
export const AUDIT_ERROR_REASONS = {
  AUDIT_LOG_APPEND_ONLY: 'FORBIDDEN',
} as const satisfies Record<string, ApiErrorCode>;
