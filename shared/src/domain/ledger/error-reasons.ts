import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the ledger refuses a request, each with its API code. */
export const LEDGER_ERROR_REASONS = {
  /** A tree size or entry range beyond the ledger (or backwards): the problem says which and the ledger's size. */
  LEDGER_RANGE_INVALID: 'BAD_USER_INPUT',
} as const satisfies Record<string, ApiErrorCode>;
