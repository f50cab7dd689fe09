import type { MiddlewareFn } from 'type-graphql';
import { normalizeText, problemMessage, problemOf, textProblem, type Problem } from '@massline/shared';
import { AppError } from './app-error';

/** Secrets are taken exactly as typed: white space around a password is part of it. */
const KEEP_AS_TYPED = /password/i;

/**
 * One input layer for every operation (a type-graphql middleware on every resolver class, so it runs
 * before the arguments are converted and validated): every string is composed (NFC) and trimmed — so a name of
 * spaces is an empty name, which the input's own length rule refuses — and refused with a coded
 * BAD_USER_INPUT if it holds control characters, direction overrides or broken Unicode; every number
 * must be finite (a literal `1e400` is Infinity to graphql-js).
 */
export const normalizeInputs: MiddlewareFn = ({ args }, next) => {
  normalizeArguments(args);
  return next();
};

/** The same layer for arguments that do not come through GraphQL (an upload's query string): cleaned in place. */
export function normalizeArguments<T extends Record<string, unknown>>(args: T): T {
  const record: Record<string, unknown> = args;
  for (const [name, value] of Object.entries(record)) record[name] = clean(value, name, name);
  return args;
}

function clean(value: unknown, field: string, path: string): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw refused(field, path, problemOf(problem));
    return normalizeText(value, { trim: !KEEP_AS_TYPED.test(field) });
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw refused(field, path, problemOf('NOT_FINITE'));
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => clean(item, field, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(record)) record[key] = clean(inner, key, `${path}.${key}`);
    return record;
  }
  return value;
}

function refused(field: string, path: string, problem: Problem): AppError {
  return new AppError('INVALID_INPUT', `${path}: ${problemMessage(problem)}`, { [field]: problem });
}
