import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the evaluation module refuses a request, each with its API code. */
export const EVALUATION_ERROR_REASONS = {
  /** A ballot for a campaign that is not open (a draft, closed, published, or past its closing time). */
  CAMPAIGN_NOT_OPEN: 'CONFLICT',
  /** open / close / publish from a status the transition table does not allow it from. */
  CAMPAIGN_TRANSITION_INVALID: 'CONFLICT',
  /** Criteria, scale, cadres, k or schedule changed once the campaign has opened. */
  CAMPAIGN_FROZEN: 'CONFLICT',
  /** Only citizens cast ballots. */
  NOT_ELIGIBLE: 'FORBIDDEN',
  /** A citizen whose residence is not verified. */
  NOT_VERIFIED: 'FORBIDDEN',
  /** A citizen who does not live in the campaign's region. */
  WRONG_REGION: 'FORBIDDEN',
  /** A second ballot by the same citizen for the same cadre in the same campaign. */
  ALREADY_VOTED: 'CONFLICT',
  INVALID_BALLOT: 'BAD_USER_INPUT',
  INVALID_CAMPAIGN: 'BAD_USER_INPUT',
  /** A term that is not a current term of a post in the campaign's region. */
  TERM_NOT_IN_REGION: 'BAD_USER_INPUT',
} as const satisfies Record<string, ApiErrorCode>;
