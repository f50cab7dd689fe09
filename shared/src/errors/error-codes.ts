/**
 * Error codes, one vocabulary for server and console.
 *
 * Every error the API returns carries `extensions.code` (one of the API codes, which clients branch on)
 * and `extensions.reason` (the precise module code, which the console translates). The map from reason
 * to API code is exhaustive by construction: adding a reason without its API code does not compile.
 */
import type { ApiErrorCode } from './api-error-codes';
import { SHARED_MODULES } from '../modules';

export { API_ERROR_CODES, type ApiErrorCode } from './api-error-codes';

/** The reasons of the platform itself: authentication, authorization, generic input. */
const PLATFORM_ERROR_REASONS = {
  // authentication and authorization
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'UNAUTHENTICATED',
  INVALID_API_TOKEN: 'UNAUTHENTICATED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  FORBIDDEN: 'FORBIDDEN',
  OUT_OF_JURISDICTION: 'FORBIDDEN',
  // generic input
  INVALID_INPUT: 'BAD_USER_INPUT',
  INVALID_PERIOD: 'BAD_USER_INPUT',
  FUTURE_PERIOD: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  PAGE_SIZE_OUT_OF_RANGE: 'BAD_USER_INPUT',
  FIRST_OR_LAST: 'BAD_USER_INPUT',
  INVALID_ID: 'BAD_USER_INPUT',
  TOO_MANY_IDS: 'BAD_USER_INPUT',
  // the request itself
  QUERY_TOO_COSTLY: 'BAD_USER_INPUT',
  REQUEST_TOO_LARGE: 'BAD_USER_INPUT',
  MALFORMED_REQUEST: 'BAD_USER_INPUT',
  // a GET or POST naming a persisted query by a hash the server has not registered
  PERSISTED_QUERY_NOT_FOUND: 'NOT_FOUND',
  NOT_FOUND: 'NOT_FOUND',
} as const satisfies Record<string, ApiErrorCode>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The platform's reasons, then each module's (`shared/src/domain/<module>/error-reasons.ts`), in SHARED_MODULES order. */
export const ERROR_REASONS = SHARED_MODULES.reduce<Record<string, ApiErrorCode>>(
  (reasons, module) => ({ ...reasons, ...module.errorReasons }),
  { ...PLATFORM_ERROR_REASONS },
) as typeof PLATFORM_ERROR_REASONS & UnionToIntersection<(typeof SHARED_MODULES)[number]['errorReasons']>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export function apiCodeOf(reason: ErrorReason): ApiErrorCode {
  return ERROR_REASONS[reason];
}

/** Per-field messages of a refused input, so that a form shows each next to its field. */
export type FieldErrors = Record<string, string>;
