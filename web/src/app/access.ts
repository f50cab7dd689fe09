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

/** Who may open a page: each route of a feature manifest says it, decided from the rules alone. */
export type AccessPredicate = (access: Access) => boolean;

export function useAccess(): Access {
  const { ability, user } = useSession();
  return { ability, signedIn: user !== null };
}
