import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the cadres module refuses a request, each with its API code. */
export const CADRES_ERROR_REASONS = {
  INVALID_CADRE: 'BAD_USER_INPUT',
  INVALID_POST: 'BAD_USER_INPUT',
  /** A term's dates are not dates, or run backwards. */
  INVALID_TERM: 'BAD_USER_INPUT',
  TERM_TOO_LONG: 'BAD_USER_INPUT',
  THIRD_CONSECUTIVE_TERM: 'BAD_USER_INPUT',
  TOO_LONG_AT_LEVEL: 'BAD_USER_INPUT',
  /** Another term holds the post at the same time: two holders of one post at once (also the loser of a race). */
  POST_ALREADY_HELD: 'CONFLICT',
  /** The term has ended already (or was ended meanwhile by someone else). */
  TERM_ALREADY_ENDED: 'CONFLICT',
  INVALID_TERM_END: 'BAD_USER_INPUT',
} as const satisfies Record<string, ApiErrorCode>;
