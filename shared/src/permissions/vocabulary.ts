import { SHARED_MODULES } from '../modules';

/** The permission vocabulary: roles, actions and subjects, shared by the server's guards and the console. */
export const ROLES = ['ORGANIZATION', 'CITIZEN', 'AUDITOR', 'THIRD_PARTY'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person signs in with; THIRD_PARTY is an API token, never a user. */
export const USER_ROLES = ['ORGANIZATION', 'CITIZEN', 'AUDITOR'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ACTIONS = ['manage', 'create', 'read', 'update', 'deactivate', 'verify', 'revoke', 'publish', 'vote'] as const;
export type Action = (typeof ACTIONS)[number];

type ModulePermissionsOf = (typeof SHARED_MODULES)[number]['permissions'];
type ScopesOf<P> = P extends { scopes: readonly (infer Scope)[] } ? Scope : never;

/** Every module's subjects (`shared/src/domain/<module>/permissions.ts`), in SHARED_MODULES order. */
export const SUBJECTS: readonly SubjectName[] = SHARED_MODULES.flatMap((module) => module.permissions.subjects);
export type SubjectName = ModulePermissionsOf['subjects'][number];

/** What an API token may read. Each scope opens the public subjects of one part of the platform. */
export const API_SCOPES: readonly ApiScope[] = SHARED_MODULES.flatMap((module) =>
  'scopes' in module.permissions ? module.permissions.scopes : [],
);
export type ApiScope = ScopesOf<ModulePermissionsOf>;

/** A public read: a subject, and the condition that makes a record of it public (none = all are). */
export interface PublicRead {
  subject: SubjectName;
  conditions?: Record<string, unknown>;
}

/** What is public, by part of the platform. Anonymous visitors and citizens read all of it; a token, its scopes'. */
export const PUBLIC_READS_BY_SCOPE: Record<ApiScope, readonly PublicRead[]> = (() => {
  const byScope: Record<string, PublicRead[]> = Object.fromEntries(API_SCOPES.map((scope) => [scope, []]));
  for (const { name, permissions } of SHARED_MODULES) {
    if (!('publicReads' in permissions)) continue;
    for (const [scope, reads] of Object.entries(permissions.publicReads)) {
      if (!byScope[scope]) throw new Error(`${name}: public reads under ${scope}, which no module declares as a scope`);
      byScope[scope].push(...reads);
    }
  }
  return byScope;
})();

/** Fields that no rule ever opens, whoever asks. The API has no field for them either. */
export const SECRET_FIELDS: Partial<Record<SubjectName, readonly string[]>> = SHARED_MODULES.reduce(
  (fields, { permissions }) => ({ ...fields, ...('secretFields' in permissions ? permissions.secretFields : {}) }),
  {},
);

export const CITIZEN_STATUSES = ['UNVERIFIED', 'VERIFIED', 'REJECTED'] as const;
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number];

/** Who is asking: a signed-in user, an API token, or nobody. */
export type Principal =
  | {
      kind: 'USER';
      id: string;
      role: UserRole;
      /** Jurisdiction (organization, auditor) or residence (citizen). */
      regionId: string;
      regionPath: string;
      organizationId: string | null;
      citizenStatus: CitizenStatus | null;
    }
  | { kind: 'API_TOKEN'; id: string; role: 'THIRD_PARTY'; scopes: readonly ApiScope[] }
  | { kind: 'ANONYMOUS' };

export const ANONYMOUS: Principal = { kind: 'ANONYMOUS' };
