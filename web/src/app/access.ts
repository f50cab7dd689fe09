import { useAbility } from '@casl/react';
import type { AppAbility } from '@massline/shared';
import { useSession } from './session-provider';

/** The console's ability: the caller's CASL rules from `me.rules`, built with shared/src/permissions. */
export function useAppAbility(): AppAbility {
  return useAbility<AppAbility>();
}

/** What the navigation and the route guards look at: the ability, and whether someone is signed in. */
export interface Access {
  ability: AppAbility;
  signedIn: boolean;
}

/**
 * May the caller list users beyond themselves?
 *
 * Everybody signed in may `read` their own User (a rule conditioned on `{ id: self }`), so
 * `can('read', 'User')` is true for a citizen too. The users list is for those with a read rule
 * that is not tied to one id: an unconditioned rule, or one scoped by region (organizations,
 * auditors). Decided from the rules, never from role names.
 */
export function canListUsers(ability: AppAbility): boolean {
  return ability.rulesFor('read', 'User').some((rule) => !rule.inverted && (!rule.conditions || !('id' in rule.conditions)));
}

/** Who may open each page. The navigation and the route guards both read this table. */
export const PAGE_ACCESS = {
  // The harmony index: the dashboard, the methodology and the indicator catalogue are public; raw data,
  // imports, sensitivity runs and alerts belong to organizations (and, read-only, auditors) — each page
  // decided by its subject.
  dashboard: ({ ability }: Access) => ability.can('read', 'Assessment'),
  observations: ({ ability }: Access) => ability.can('read', 'Observation'),
  import: ({ ability }: Access) => ability.can('create', 'Observation'),
  methodology: ({ ability }: Access) => ability.can('read', 'MethodologyVersion'),
  indicators: ({ ability }: Access) => ability.can('read', 'Indicator'),
  sensitivity: ({ ability }: Access) => ability.can('create', 'SensitivityRun'),
  alerts: ({ ability }: Access) => ability.can('read', 'Alert'),
  regions: ({ ability }: Access) => ability.can('read', 'Region'),
  users: ({ ability }: Access) => canListUsers(ability),
  organizations: ({ ability, signedIn }: Access) => signedIn && ability.can('read', 'Organization'),
  apiTokens: ({ ability }: Access) => ability.can('read', 'ApiToken'),
  audit: ({ ability }: Access) => ability.can('read', 'AuditEntry'),
  account: ({ signedIn }: Access) => signedIn,
} as const satisfies Record<string, (access: Access) => boolean>;

export type PageName = keyof typeof PAGE_ACCESS;

export function useAccess(): Access {
  const { ability, user } = useSession();
  return { ability, signedIn: user !== null };
}
