import type { TestServer } from './test-server';

/** Counts the SQL statements the server sends, at the driver: `reset()` before a request, `count` after it. */
export function statementCounter(server: TestServer): { reset(): void; readonly count: number } {
  let count = 0;
  server.orm.em
    .getConnection()
    .getKnex()
    .on('query', () => {
      count++;
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
