import type { Change } from '../../common/domain-events';
import type { userSnapshot } from './principal';

type UserSnapshot = ReturnType<typeof userSnapshot>;

/** A token as the audit log shows it: never its secret. */
export interface ApiTokenSnapshot {
  id: string;
  name: string;
  prefix: string;
  scopes: readonly string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** The events of the accounts module, by type (each named after the audit action it leaves). */
export interface AccountsEvents {
  'user.sign-in': Change<null, { email: string; role: string }>;
  'user.create': Change<null, UserSnapshot>;
  'user.reactivate': Change<UserSnapshot, UserSnapshot>;
  'user.deactivate': Change<UserSnapshot, UserSnapshot>;
  'user.password-change': Change<null, { email: string; otherSessionsEnded: number }>;
  'user.end-sessions': Change<null, { email: string; sessionsEnded: number }>;
  'citizen.register': Change<null, UserSnapshot>;
  'citizen.verify': Change<UserSnapshot, UserSnapshot & { reason: string | null }>;
  'citizen.reject': Change<UserSnapshot, UserSnapshot & { reason: string | null }>;
  'organization.create': Change<null, { id: string; name: string; regionId: string }>;
  'organization.reactivate': Change<{ active: boolean }, { active: boolean }>;
  'organization.deactivate': Change<{ active: boolean }, { active: boolean }>;
  'api-token.create': Change<null, ApiTokenSnapshot>;
  'api-token.revoke': Change<ApiTokenSnapshot, ApiTokenSnapshot>;
}
