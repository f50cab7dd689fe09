import type { CombinedError } from '@urql/core';

/** What the console needs from a failed operation: codes to branch on, a message, per-field messages. */
export interface ApiError {
  /** extensions.code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS… */
  code: string | null;
  /** extensions.reason: the precise code (shared/src/errors), which the console translates. */
  reason: string | null;
  /** The server's own message (English), shown when the reason has no translation. */
  message: string;
  /** extensions.fields: { fieldName: message } for refused input. */
  fields: Record<string, string>;
  network: boolean;
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
  if (!first) return { code: null, reason: null, message: error.message, fields: {}, network: Boolean(error.networkError) };
  const fields: Record<string, string> = {};
  for (const graphQLError of error.graphQLErrors) Object.assign(fields, fieldsOf(graphQLError.extensions.fields));
  return {
    code: stringOrNull(first.extensions.code),
    reason: stringOrNull(first.extensions.reason),
    message: first.message,
    fields,
    network: false,
  };
}

export function hasErrorCode(error: CombinedError | undefined, code: string): boolean {
  return Boolean(error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === code));
}
