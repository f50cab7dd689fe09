import { createMongoAbility, type MongoAbility, type RawRuleOf, type ForcedSubject, type MongoQuery } from '@casl/ability';
import { isRootPath, subtreePattern } from '../domain/region';
import { SHARED_MODULES } from '../modules';
import type { ModulePermissions, RegionPathField } from './module-permissions';
import {
  API_SCOPES,
  type Action,
  type ApiScope,
  type Principal,
  type SubjectName,
  PUBLIC_READS_BY_SCOPE,
  SECRET_FIELDS,
} from './vocabulary';

/**
 * Subjects are checked either by type name ('User') or as instances: server entities whose class name
 * is the subject name, or plain objects tagged with CASL's `subject('User', row)`.
 */
export type AppSubject = SubjectName | ForcedSubject<SubjectName> | 'all';
export type AppAbility = MongoAbility<[Action, AppSubject], MongoQuery>;
export type AppRule = RawRuleOf<AppAbility>;

/**
 * The whole permission policy, as plain CASL rules. Conditions use only `$regex` on region paths
 * (anchored prefixes: "inside this jurisdiction") and equality, which the server translates to SQL.
 *
 * Region scope: every scoped subject exposes its region's path as `region.path` (Region itself as
 * `path`; audit entries as `regionPath`), so one pattern covers a whole subtree.
 * Each module declares its part (`shared/src/domain/<module>/permissions.ts`); this folds them over
 * SHARED_MODULES.
 */
export function defineRulesFor(principal: Principal): AppRule[] {
  const rules: AppRule[] = [];
  const can = (action: Action | readonly Action[], subject: SubjectName | readonly SubjectName[], conditions?: MongoQuery) =>
    rules.push({
      action: typeof action === 'string' ? action : [...action],
      subject: typeof subject === 'string' ? subject : [...subject],
      ...(conditions ? { conditions } : {}),
    });
  const modules = SHARED_MODULES.map((module) => module.permissions as ModulePermissions<SubjectName>);

  // The public face of the platform: everybody reads it, signed in or not; a token, what its scopes open.
  const scopes: readonly ApiScope[] = principal.kind === 'API_TOKEN' ? principal.scopes : API_SCOPES;
  for (const scope of scopes) for (const { subject, conditions } of PUBLIC_READS_BY_SCOPE[scope]) can('read', subject, conditions);
  // Each module's own grants (e.g. everybody reads their own account).
  for (const module of modules) module.rules?.(principal, can);

  if (principal.kind === 'USER' && (principal.role === 'ORGANIZATION' || principal.role === 'AUDITOR')) {
    const role = principal.role === 'ORGANIZATION' ? 'organization' : 'auditor';
    // Inside the jurisdiction: one rule per way of finding a subject's region and action, every module's
    // subjects together (an auditor only ever reads: never a write rule for one).
    const inside = { $regex: subtreePattern(principal.regionPath) };
    const grants = new Map<string, { field: RegionPathField; action: Action; subjects: SubjectName[] }>();
    for (const module of modules) {
      for (const { subjects, field, ...actions } of module.jurisdiction ?? []) {
        const action = actions[role];
        if (!action) continue;
        const key = `${field} ${action}`;
        const grant = grants.get(key) ?? { field, action, subjects: [] };
        grant.subjects.push(...subjects);
        grants.set(key, grant);
      }
    }
    for (const { field, action, subjects } of grants.values())
      can(action, subjects.length === 1 ? subjects[0] : subjects, { [field]: inside });
    for (const module of modules) for (const { actions, subject } of module.staff ?? []) can(actions, subject);
    // The indicator catalogue and the methodology are the whole platform's: its root organization's.
    const platform = modules.flatMap((module) => module.platform ?? []);
    if (role === 'organization' && isRootPath(principal.regionPath) && platform.length > 0) can('manage', platform);
  }

  // Field secrecy and what nobody may do last, so that they override every rule above (CASL: later rules win).
  for (const [subject, fields] of Object.entries(SECRET_FIELDS)) {
    rules.push({ action: 'read', subject: subject as SubjectName, fields: [...(fields ?? [])], inverted: true });
  }
  for (const module of modules) {
    for (const { actions, subject } of module.forbidden ?? []) rules.push({ action: [...actions], subject, inverted: true });
  }
  return rules;
}

export function createAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export function abilityFor(principal: Principal): AppAbility {
  return createAbility(defineRulesFor(principal));
}
