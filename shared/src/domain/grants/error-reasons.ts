import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the grants module refuses a request, each with its API code. */
export const GRANTS_ERROR_REASONS = {
  /** The grant itself (post, cadre, body, term) is not valid: problems per field. */
  INVALID_GRANT: 'BAD_USER_INPUT',
  /** A step's facts break a rule of the procedure: problems per field, with the numbers. */
  GRANT_RULE_BROKEN: 'BAD_USER_INPUT',
  /** The step is not the next one (or another step was recorded meanwhile: the loser of a race). */
  GRANT_STEP_OUT_OF_ORDER: 'CONFLICT',
  /** An upheld objection stopped the grant: nothing more is recorded on it. */
  GRANT_STOPPED: 'CONFLICT',
  /** The grant has ended (or was ended meanwhile). */
  GRANT_ENDED: 'CONFLICT',
  /** An ending or probation of a grant that has not taken effect. */
  GRANT_NOT_IN_EFFECT: 'CONFLICT',
  /** Taking effect while an objection is unanswered. */
  GRANT_OBJECTIONS_UNANSWERED: 'CONFLICT',
  /** An objection outside an open notice. */
  GRANT_NOTICE_NOT_OPEN: 'CONFLICT',
  /** The objection is answered already (or was answered meanwhile). */
  OBJECTION_ALREADY_ANSWERED: 'CONFLICT',
  /** The citizen lives outside the notice's region (and its subtree). */
  OBJECTION_OUTSIDE_REGION: 'FORBIDDEN',
  /** Only a citizen whose residence is verified may object. */
  OBJECTION_NOT_VERIFIED: 'FORBIDDEN',
  /** A holiday calendar that is not valid: problems per field. */
  INVALID_CALENDAR: 'BAD_USER_INPUT',
} as const satisfies Record<string, ApiErrorCode>;
