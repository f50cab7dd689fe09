import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { apiCodeOf, ERROR_REASONS, type ErrorReason, type FieldErrors } from '@massline/shared';

/**
 * The one error type services throw. `reason` is the module's precise code; the API code that clients
 * branch on is derived from it (shared/src/errors), so the mapping lives in one place.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message, { extensions: { code: apiCodeOf(reason), reason, ...(fields ? { fields } : {}) } });
    this.name = 'AppError';
  }
}

/** Sets the HTTP status (and headers) of the response that carries this error; Apollo applies and strips it. */
export function withHttp<E extends GraphQLError>(error: E, status: number, headers: Record<string, string> = {}): E {
  (error.extensions as Record<string, unknown>).http = { status, headers: new Map(Object.entries(headers)) };
  return error;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const invalidInput = (fields: FieldErrors, message = Object.values(fields)[0] ?? 'Invalid input') =>
  new AppError('INVALID_INPUT', message, fields);

/** Codes that graphql-js and Apollo give to request errors: passed through as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);
const KNOWN_REASONS = new Set(Object.keys(ERROR_REASONS));

/** The error a resolver threw, under graphql-js's and Apollo's wrappers. */
export function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}

/**
 * Apollo's formatError: our coded errors and request errors go out as they are; argument validation
 * becomes BAD_USER_INPUT with per-field messages; anything else is an internal error whose details stay
 * in the server log, never in the response.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (e: unknown) => void = console.error,
): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const fields: FieldErrors = {};
    for (const failure of original.extensions.validationErrors as { property: string; constraints?: Record<string, string> }[]) {
      fields[failure.property] = Object.values(failure.constraints ?? {})[0] ?? 'invalid';
    }
    return {
      message: Object.values(fields)[0] ?? 'Invalid input',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields },
    };
  }
  // A malformed id reaches PostgreSQL as an invalid uuid: the caller's mistake, not ours.
  if (original instanceof Error && /invalid input syntax for type uuid/.test(original.message)) {
    return {
      message: 'Not a valid id',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || KNOWN_REASONS.has(code))) return formatted;
  // graphql-armor and graphql-js validation rules report without a code when they refuse a document.
  if (!formatted.path && code === undefined) return { ...formatted, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  log(error);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
