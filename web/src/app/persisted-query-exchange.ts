import { CombinedError, getOperationName, makeOperation, type Exchange, type Operation, type OperationResult } from 'urql';
import { filter, map, merge, pipe, share } from 'wonka';
import type { ErrorReason } from '@massline/shared';

/** The registered query of each name: operation name → SHA-256 of its registered text (written by `npm run codegen`). */
export type PersistedQueryHashes = Readonly<Record<string, string>>;

/** The reason a query the build did not register is refused in the console itself (it is never sent). */
export const UNREGISTERED_QUERY_REASON: ErrorReason = 'PERSISTED_QUERY_NOT_FOUND';

/**
 * Queries travel as `GET /graphql?operationName=…&variables=…&extensions={"persistedQuery":…}`: the hash
 * of the registered text only, taken from the build (never hashed here, never the text itself, which the
 * server would not run by GET). A GET is what a browser or a CDN can keep and revalidate by ETag; a URL too
 * long for a GET (large variables) goes as a POST of the same hash. Mutations are untouched (POSTs of
 * their text). A query without a registered hash is answered here with an error and never sent: the
 * manifest is written with the documents, so this is a build that skipped `npm run codegen`.
 *
 * Placed after the cache exchange, whose `__typename`s the registered texts carry.
 */
export function persistedQueryExchange(hashes: PersistedQueryHashes): Exchange {
  const hashOf = (operation: Operation): string | undefined => {
    const name = getOperationName(operation.query);
    return name !== undefined && Object.hasOwn(hashes, name) ? hashes[name] : undefined;
  };
  return ({ forward }) =>
    (operations$) => {
      const shared$ = pipe(operations$, share);
      const isUnregisteredQuery = (operation: Operation) => operation.kind === 'query' && hashOf(operation) === undefined;
      const refused$ = pipe(
        shared$,
        filter(isUnregisteredQuery),
        map((operation): OperationResult => ({
          operation,
          data: undefined,
          error: new CombinedError({
            graphQLErrors: [
              {
                message: `${getOperationName(operation.query) ?? 'an unnamed query'} is not a registered query: run npm run codegen`,
                extensions: { code: 'NOT_FOUND', reason: UNREGISTERED_QUERY_REASON },
              },
            ],
          }),
          extensions: undefined,
          stale: false,
          hasNext: false,
        })),
      );
      const sent$ = pipe(
        shared$,
        filter((operation) => operation.kind === 'teardown' || !isUnregisteredQuery(operation)),
        map((operation) => {
          const sha256Hash = operation.kind === 'query' ? hashOf(operation) : undefined;
          if (sha256Hash === undefined) return operation;
          const persisted = makeOperation(operation.kind, operation, { ...operation.context, preferGetMethod: 'within-url-limit' });
          persisted.extensions = { ...operation.extensions, persistedQuery: { version: 1, sha256Hash } };
          return persisted;
        }),
      );
      return merge([refused$, forward(sent$)]);
    };
}
