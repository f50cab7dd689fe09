import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import hashes from '../persisted-query-hashes.json';
import { persistedQueryExchange } from './persisted-query-exchange';

/** Reasons that mean "your session is gone", as opposed to a refused sign-in. */
const SESSION_LOST_REASONS = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * One client per session: signing in or out builds a new client, so that no cached answer of one
 * person outlives their session. The session is the httpOnly cookie, sent with every same-origin request.
 *
 * Queries go as GETs naming the hash of their registered text (persisted-query-exchange.ts): a visitor's
 * public reads are then kept by the browser (and any CDN) and revalidated by ETag; a signed-in person's
 * are GETs too, which the server answers `private, no-store` (kept nowhere). Mutations are POSTs of their
 * text as JSON (urql sets the content type of a body; Apollo's CSRF prevention wants it).
 */
export function createUrqlClient(onSessionLost: () => void): Client {
  return new Client({
    url: '/graphql',
    // Only the persisted exchange turns a query into a GET (a registered hash): no text ever goes in a URL.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
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
      persistedQueryExchange(hashes),
      fetchExchange,
    ],
  });
}
