import type { CombinedError } from '@urql/core';

/** What the console needs from a failed operation: codes to branch on, a message, per-field messages. */
export interface ApiError {
  /** extensions.code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS… */
  code: string | null;
  /** extensions.reason: the precise code (shared/src/errors), which the console translates. */
  reason: string | null;
  /** The server's own message (English), shown when the reason has no translation. */
  message: string;
  /** extensions.fields: { fieldName: message } for refused input (English: the server's words). */
  fields: Record<string, string>;
  /** extensions.problems: { fieldName: { reason, params } }, the same refusals as codes the console words (lib/error-message.ts). */
  problems: Record<string, ApiProblem>;
  network: boolean;
}

/** Why one value is refused: a problem code (shared/src/errors/problems.ts) and its parameters (numbers and codes). */
export interface ApiProblem {
  reason: string;
  params: Record<string, string | number>;
}

/** A failed operation that never reached the server's words: only a message, no fields. */
export function localApiError(message: string, network = false): ApiError {
  return { code: null, reason: null, message, fields: {}, problems: {}, network };
}

/** A problem as it came over the wire (a report's row, `extensions.problems`), or null when it is not one. */
export function toApiProblem(reason: unknown, params: unknown): ApiProblem | null {
  if (typeof reason !== 'string') return null;
  const clean: Record<string, string | number> = {};
  if (params && typeof params === 'object') {
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' || typeof value === 'number') clean[name] = value;
    }
  }
  return { reason, params: clean };
}

function problemsOf(value: unknown): Record<string, ApiProblem> {
  if (!value || typeof value !== 'object') return {};
  const problems: Record<string, ApiProblem> = {};
  for (const [name, problem] of Object.entries(value)) {
    if (!problem || typeof problem !== 'object') continue;
    const parsed = toApiProblem((problem as { reason?: unknown }).reason, (problem as { params?: unknown }).params);
    if (parsed) problems[name] = parsed;
  }
  return problems;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function fieldsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[name] = message;
  }
  return fields;
}

export function toApiError(error: CombinedError): ApiError {
  const first = error.graphQLErrors[0];
  if (!first) return localApiError(error.message, Boolean(error.networkError));
  const fields: Record<string, string> = {};
  const problems: Record<string, ApiProblem> = {};
  for (const graphQLError of error.graphQLErrors) {
    Object.assign(fields, fieldsOf(graphQLError.extensions.fields));
    Object.assign(problems, problemsOf(graphQLError.extensions.problems));
  }
  return {
    code: stringOrNull(first.extensions.code),
    reason: stringOrNull(first.extensions.reason),
    message: first.message,
    fields,
    problems,
    network: false,
  };
}

export function hasErrorCode(error: CombinedError | undefined, code: string): boolean {
  return Boolean(error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === code));
}
