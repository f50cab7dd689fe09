import { createMongoAbility, type MongoAbility, type RawRuleOf, type ForcedSubject, type MongoQuery } from '@casl/ability';
import { isRootPath, subtreePattern } from '../domain/region';
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
 */
export function defineRulesFor(principal: Principal): AppRule[] {
  const rules: AppRule[] = [];
  const can = (action: Action | Action[], subject: SubjectName | SubjectName[], conditions?: MongoQuery) =>
    rules.push({ action, subject, ...(conditions ? { conditions } : {}) });

  // The public face of the platform: everybody reads it, signed in or not; a token, what its scopes open.
  const scopes: readonly ApiScope[] = principal.kind === 'API_TOKEN' ? principal.scopes : API_SCOPES;
  for (const scope of scopes) for (const { subject, conditions } of PUBLIC_READS_BY_SCOPE[scope]) can('read', subject, conditions);

  if (principal.kind === 'USER') {
    const inside = { $regex: subtreePattern(principal.regionPath) };
    // Everybody reads their own account.
    can('read', 'User', { id: principal.id });

    if (principal.role === 'ORGANIZATION') {
      can('manage', 'Region', { path: inside });
      can('manage', ['Organization', 'User', 'ApiToken', 'Observation', 'Assessment', 'Alert'], { 'region.path': inside });
      can('read', 'AuditEntry', { regionPath: inside });
      can(['create', 'read'], 'SensitivityRun');
      // The indicator catalogue and the methodology are the whole platform's: its root organization's.
      if (isRootPath(principal.regionPath)) can('manage', ['Indicator', 'MethodologyVersion']);
    }
    if (principal.role === 'AUDITOR') {
      // Read-only oversight of the jurisdiction, raw data included: never a write rule here.
      can('read', ['Organization', 'User', 'ApiToken', 'Observation', 'Assessment', 'Alert'], { 'region.path': inside });
      can('read', 'AuditEntry', { regionPath: inside });
      can(['create', 'read'], 'SensitivityRun');
    }
  }

  // Field secrecy last, so that it overrides every rule above (CASL: later rules win).
  for (const [subject, fields] of Object.entries(SECRET_FIELDS)) {
    rules.push({ action: 'read', subject: subject as SubjectName, fields: [...(fields ?? [])], inverted: true });
  }
  // The audit log is append-only for everyone, including the root organization.
  rules.push({ action: ['create', 'update', 'deactivate', 'revoke', 'verify'], subject: 'AuditEntry', inverted: true });
  return rules;
}

export function createAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export function abilityFor(principal: Principal): AppAbility {
  return createAbility(defineRulesFor(principal));
}
