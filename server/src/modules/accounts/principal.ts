import type { Principal } from '@massline/shared';
import type { ApiToken } from './api-token.entity';
import type { User } from './user.entity';

/** A user's permission-relevant facts, however they were read (an entity, or a plain row on the hot path). */
export type UserFacts = Omit<Extract<Principal, { kind: 'USER' }>, 'kind'>;

/** The principal of a user's facts, as the shared rules expect it (only these fields: a row may carry more). */
export function principalOfFacts(facts: UserFacts): Principal {
  return {
    kind: 'USER',
    id: facts.id,
    role: facts.role,
    regionId: facts.regionId,
    regionPath: facts.regionPath,
    organizationId: facts.organizationId,
    citizenStatus: facts.citizenStatus,
  };
}

/** The permission-relevant facts of a user (region populated), as the shared rules expect them. */
export function principalOfUser(user: User): Principal {
  return principalOfFacts({
    id: user.id,
    role: user.role,
    regionId: user.region.id,
    regionPath: user.region.path,
    organizationId: user.organization?.id ?? null,
    citizenStatus: user.citizenStatus ?? null,
  });
}

export function principalOfToken(token: Pick<ApiToken, 'id' | 'scopes'>): Principal {
  return { kind: 'API_TOKEN', id: token.id, role: 'THIRD_PARTY', scopes: token.scopes };
}

/** What the audit log keeps of a user: never the password hash. */
export function userSnapshot(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    regionId: user.region.id,
    organizationId: user.organization?.id ?? null,
    citizenStatus: user.citizenStatus ?? null,
    active: user.active,
  };
}
