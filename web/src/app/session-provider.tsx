import { AbilityProvider } from '@casl/react';
import { createAbility, type AppAbility, type AppRule } from '@massline/shared';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { useClientControl } from './client-provider';
import { graphql, type ResultOf } from './graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      role
      rules
      user {
        id
        email
        displayName
        role
        citizenStatus
        citizenReviewNote
        region {
          id
          code
          level
          name
          nameEn
          path
        }
        organization {
          id
          name
        }
      }
    }
  }
`);

export type Viewer = ResultOf<typeof MeQuery>['me'];
export type SignedInUser = NonNullable<Viewer['user']>;

export interface Session {
  status: 'loading' | 'ready' | 'error';
  error: CombinedError | undefined;
  /** The caller's role (THIRD_PARTY for an API token); null when signed out. */
  role: Viewer['role'];
  user: SignedInUser | null;
  ability: AppAbility;
  /** Asks `me` again, e.g. after the server could not be reached. */
  retry(): void;
  /** The session changed (signed in, registered, signed out): forget every cached answer, ask `me` again. */
  sessionChanged(): void;
}

const SessionContext = createContext<Session | null>(null);

/** `me.rules` is JSON: keep what looks like a CASL raw rule (the server builds them with shared/src/permissions). */
function parseRules(value: unknown): AppRule[] {
  if (!Array.isArray(value)) return [];
  return value.filter((rule): rule is AppRule => typeof rule === 'object' && rule !== null && 'action' in rule && 'subject' in rule);
}

const NO_RULES: AppRule[] = [];

export function SessionProvider({ children }: { children: ReactNode }) {
  const { resetClient } = useClientControl();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MeQuery });
  const viewer = data?.me;
  const rules = useMemo(() => (viewer ? parseRules(viewer.rules) : NO_RULES), [viewer]);
  const ability = useMemo(() => createAbility(rules), [rules]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const session = useMemo<Session>(
    () => ({
      status: viewer ? 'ready' : error && !fetching ? 'error' : 'loading',
      error,
      role: viewer?.role ?? null,
      user: viewer?.user ?? null,
      ability,
      retry,
      sessionChanged: resetClient,
    }),
    [viewer, error, fetching, ability, retry, resetClient],
  );

  return (
    <SessionContext.Provider value={session}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
