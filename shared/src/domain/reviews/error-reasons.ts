import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the reviews module refuses a request, each with its API code. */
export const REVIEWS_ERROR_REASONS = {
  /** The review alert is resolved already (or was resolved meanwhile by someone else). */
  REVIEW_ALERT_RESOLVED: 'CONFLICT',
} as const satisfies Record<string, ApiErrorCode>;
