import { problemOf } from '@massline/shared';
import { subject as asSubject } from '@casl/ability';
import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { Action, SubjectName } from '@massline/shared';
import { AppError } from './app-error';
import type { RequestContext } from './request-context';

/**
 * Who may call an operation. Every query and mutation declares one of these; the schema build refuses an
 * operation that declares none, so nothing is open by accident.
 *
 * - PUBLIC: anyone, anonymous included.
 * - SIGNED_IN: any signed-in user or API token.
 * - ALLOW action on subject: the caller's CASL ability must allow it for some instance of the subject;
 *   the service then checks the instance itself, or filters the list by the same rules in SQL.
 */
export type OperationPermission = { kind: 'PUBLIC' } | { kind: 'SIGNED_IN' } | { kind: 'ALLOW'; action: Action; subject: SubjectName };

const declarations = new Map<Function, Map<string, OperationPermission>>();

export function describePermission(permission: OperationPermission): string {
  return permission.kind === 'ALLOW' ? `ALLOW ${permission.action} ${permission.subject}` : permission.kind;
}

function guard(permission: OperationPermission): MiddlewareFn<RequestContext> {
  return ({ context }, next) => {
    const { principal, ability } = context;
    if (permission.kind === 'PUBLIC') return next();
    if (principal.kind === 'ANONYMOUS') throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (permission.kind === 'ALLOW' && !ability.can(permission.action, permission.subject)) {
      throw new AppError('FORBIDDEN', `Your role may not ${permission.action} ${permission.subject}`);
    }
    return next();
  };
}

function declare(permission: OperationPermission): MethodDecorator {
  return (target, key, descriptor) => {
    const byMethod = declarations.get(target.constructor) ?? new Map<string, OperationPermission>();
    byMethod.set(String(key), permission);
    declarations.set(target.constructor, byMethod);
    UseMiddleware(guard(permission))(target, key, descriptor);
  };
}

export const Public = () => declare({ kind: 'PUBLIC' });
export const SignedIn = () => declare({ kind: 'SIGNED_IN' });
export const Allow = (action: Action, subject: SubjectName) => declare({ kind: 'ALLOW', action, subject });

/**
 * Every query and mutation with its declaration, as `Query.users: ALLOW read User`, sorted. Throws if
 * an operation has none: called when the schema is built, and snapshotted by a test.
 */
export function operationPermissions(resolverClasses: readonly Function[]): Map<string, OperationPermission> {
  const storage = getMetadataStorage();
  const result = new Map<string, OperationPermission>();
  const missing: string[] = [];
  const inScope = new Set(resolverClasses);
  for (const [type, list] of [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
  ] as const) {
    for (const operation of list) {
      if (!inScope.has(operation.target)) continue;
      const permission = declarations.get(operation.target)?.get(operation.methodName);
      if (!permission) missing.push(`${type}.${operation.schemaName} (${operation.target.name}.${operation.methodName})`);
      else result.set(`${type}.${operation.schemaName}`, permission);
    }
  }
  if (missing.length > 0) {
    throw new Error(`Operations without a permission declaration (@Public, @SignedIn or @Allow): ${missing.join(', ')}`);
  }
  return new Map([...result.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Checks one record (loaded, or about to be created) against the caller's ability; throws FORBIDDEN (or
 * UNAUTHENTICATED). `field` names the input field to blame, so a form shows the refusal next to it.
 */
export function authorize(context: RequestContext, action: Action, subjectName: SubjectName, record: object, field?: string): void {
  const tagged = asSubject(subjectName, { ...record });
  if (context.ability.can(action, tagged)) return;
  if (context.principal.kind === 'ANONYMOUS') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const message = `This ${subjectName} is outside your jurisdiction: you may not ${action} it`;
  throw new AppError('OUT_OF_JURISDICTION', message, field ? { [field]: problemOf('OUTSIDE_JURISDICTION') } : undefined);
}
