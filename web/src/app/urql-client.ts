import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { persistedExchange } from '@urql/exchange-persisted';

/** Reasons that mean "your session is gone", as opposed to a refused sign-in. */
const SESSION_LOST_REASONS = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * One client per session: signing in or out builds a new client, so that no cached answer of one
 * person outlives their session. The session is the httpOnly cookie, sent with every same-origin request.
 *
 * Queries go as GET with only the hash of their text (the server knows the console's operations, from
 * web/persisted-operations.json written by `npm run codegen`): a signed-out visitor's public reads are
 * then cacheable by the browser and any CDN, revalidated by ETag. Should the server not know a hash (a
 * console newer than the server), the exchange sends the text once more with it. Mutations stay POSTs
 * of the full text (Apollo's CSRF prevention wants the JSON content type).
 */
export function createUrqlClient(onSessionLost: () => void): Client {
  return new Client({
    url: '/graphql',
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
      // After the cache exchange, which adds the __typename fields the registered texts carry.
      persistedExchange({ preferGetForPersistedQueries: 'within-url-limit' }),
      fetchExchange,
    ],
  });
}
