import type { TestServer } from './test-server';

/**
 * Counts the SQL statements the server sends, at the driver: `reset()` before a request, `count` after it.
 * A session's last-seen time (written at most once a minute, whatever the request: session.repository.ts
 * `touch`) is bookkeeping of no query's own, and is not counted: a slow run must not make it look like one.
 */
export function statementCounter(server: TestServer): { reset(): void; readonly count: number } {
  let count = 0;
  server.orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql?: string }) => {
      if (!query.sql?.startsWith('update "session" set "last_seen_at"')) count++;
    });
  return {
    reset: () => {
      count = 0;
    },
    get count() {
      return count;
    },
  };
}
