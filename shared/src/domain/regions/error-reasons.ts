import type { ApiErrorCode } from '../../errors/api-error-codes';

/** Why the regions module refuses a request, each with its API code. */
export const REGIONS_ERROR_REASONS = {
  REGION_CODE_TAKEN: 'CONFLICT',
  REGION_LEVEL_INVALID: 'BAD_USER_INPUT',
  REGION_STATISTICS_CHANGED: 'CONFLICT',
} as const satisfies Record<string, ApiErrorCode>;
