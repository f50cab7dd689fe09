import type { Principal } from '@massline/shared';
import type { ApiToken } from './api-token.entity';
import type { User } from './user.entity';

/** The permission-relevant facts of a user (region populated), as the shared rules expect them. */
export function principalOfUser(user: User): Principal {
  return {
    kind: 'USER',
    id: user.id,
    role: user.role,
    regionId: user.region.id,
    regionPath: user.region.path,
    organizationId: user.organization?.id ?? null,
    citizenStatus: user.citizenStatus ?? null,
  };
}

export function principalOfToken(token: ApiToken): Principal {
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
