import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

/** Reasons that mean "your session is gone", as opposed to a refused sign-in. */
const SESSION_LOST_REASONS = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * One client per session: signing in or out builds a new client, so that no cached answer of one
 * person outlives their session. The session is the httpOnly cookie, sent with every same-origin POST.
 */
export function createUrqlClient(onSessionLost: () => void): Client {
  return new Client({
    url: '/graphql',
    // Apollo's CSRF prevention refuses GET queries and "simple" requests: always POST application/json.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin', headers: { 'content-type': 'application/json' } },
    exchanges: [
      mapExchange({
        onError(error) {
          const lost = error.graphQLErrors.some(
            (graphQLError) =>
              graphQLError.extensions.code === 'UNAUTHENTICATED' &&
              SESSION_LOST_REASONS.has(String(graphQLError.extensions.reason ?? 'UNAUTHENTICATED')),
          );
          if (lost) onSessionLost();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
