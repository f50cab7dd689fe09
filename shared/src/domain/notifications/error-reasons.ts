import type { ApiErrorCode } from '../../errors/api-error-codes';

/**
 * Why the notifications module refuses a request. None of its own: another person's notification is
 * NOT_FOUND (the platform's), exactly as one that does not exist, so that nothing tells them apart.
 */
export const NOTIFICATIONS_ERROR_REASONS = {} as const satisfies Record<string, ApiErrorCode>;
