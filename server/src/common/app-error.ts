import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { apiCodeOf, ERROR_REASONS, problemMessage, type ErrorReason, type FieldErrors, type Problem } from '@massline/shared';

/** A refused field: its coded problem (shared/src/errors/problems.ts), or only English words. */
export type FieldRefusals = Record<string, string | Problem>;

/** The English message of each field, for `extensions.fields` (what API clients have always read). */
function englishFields(fields: FieldRefusals): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([name, refusal]) => [name, typeof refusal === 'string' ? refusal : problemMessage(refusal)]),
  );
}

/** The coded problems of the fields that have one, for `extensions.problems` (what the console translates). */
function codedFields(fields: FieldRefusals): Record<string, Problem> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, Problem] => typeof entry[1] !== 'string'));
}

/**
 * The one error type services throw. `reason` is the module's precise code; the API code that clients
 * branch on is derived from it (shared/src/errors), so the mapping lives in one place. A refused field
 * goes out twice: in English under `extensions.fields` ({ value: 'CADRE_TRUST must be between 0 and 100,
 * got 150' }), and as its problem code with parameters under `extensions.problems` ({ value: { reason:
 * 'OUT_OF_RANGE', params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 } } }), which the
 * console words in the reader's language.
 */
export class AppError extends GraphQLError {
  readonly fields?: FieldErrors;
  readonly problems?: Record<string, Problem>;

  constructor(
    readonly reason: ErrorReason,
    message: string,
    refusals?: FieldRefusals,
  ) {
    const fields = refusals ? englishFields(refusals) : undefined;
    const problems = refusals ? codedFields(refusals) : {};
    const coded = Object.keys(problems).length > 0;
    super(message, { extensions: { code: apiCodeOf(reason), reason, ...(fields ? { fields } : {}), ...(coded ? { problems } : {}) } });
    this.name = 'AppError';
    this.fields = fields;
    if (coded) this.problems = problems;
  }
}

/** An AppError for one field's coded problem, its English message as the error's message. */
export function fieldRefusal(reason: ErrorReason, field: string, problem: Problem): AppError {
  return new AppError(reason, problemMessage(problem), { [field]: problem });
}

/** Sets the HTTP status (and headers) of the response that carries this error; Apollo applies and strips it. */
export function withHttp<E extends GraphQLError>(error: E, status: number, headers: Record<string, string> = {}): E {
  (error.extensions as Record<string, unknown>).http = { status, headers: new Map(Object.entries(headers)) };
  return error;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const invalidInput = (fields: FieldRefusals, message?: string) =>
  new AppError('INVALID_INPUT', message ?? firstMessage(fields), fields);

function firstMessage(fields: FieldRefusals): string {
  const [first] = Object.values(fields);
  if (first === undefined) return 'Invalid input';
  return typeof first === 'string' ? first : problemMessage(first);
}

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
