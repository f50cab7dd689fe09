import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { Client as PgClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * Plain SQL with bound parameters, in the entity manager's transaction when there is one. For hot read
 * paths and bulk writes, where hydrating entities would cost more than the query (../shared/STACK.md).
 * `?` placeholders; an array binds as a PostgreSQL array (write `= any(?)`, not `in (?)`). Values travel as parameters, not
 * inlined into the text, so a multi-megabyte JSON batch is one bound string.
 *
 * `prepared` names the statement for statements run on every request (the session lookup, a ballot): each
 * connection parses it once and PostgreSQL keeps its plan, instead of planning it again each time (a
 * four-table join's planning cost more than its execution). One name, one text.
 */
export async function sql<T>(
  em: EntityManager,
  text: string,
  bindings: readonly unknown[] = [],
  { prepared }: { prepared?: string } = {},
): Promise<T[]> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (prepared && !transaction) return preparedOnPool<T>(em.getKnex(), prepared, text, bindings);
  const runner = (transaction ?? em.getKnex()) as Knex;
  const query = runner.raw(text, bindings as Knex.RawBinding[]);
  const result = (await (prepared ? query.options({ name: prepared }) : query)) as { rows: T[] };
  return result.rows;
}

/** A prepared statement's text with knex's `?` placeholders numbered as PostgreSQL's (`$1`…), once per name. */
const preparedTexts = new Map<string, string>();

/**
 * A prepared statement outside a transaction (the session lookup and a ballot, on every request): sent
 * on a pooled connection by the driver itself, without knex's query builder, runner and binding rewrite
 * around it, which cost Node more than the driver's own work for these two. Knex's `query` event is still
 * emitted, as knex would, so whatever counts or logs statements (test/support/statement-counter.ts) sees it.
 */
async function preparedOnPool<T>(knex: Knex, name: string, text: string, bindings: readonly unknown[]): Promise<T[]> {
  let statement = preparedTexts.get(name);
  if (statement === undefined) {
    statement = (knex.client as { positionBindings(text: string): string }).positionBindings(text);
    preparedTexts.set(name, statement);
  }
  const client = knex.client as Knex.Client;
  const connection = (await client.acquireConnection()) as PgClient & { __knexUid?: string };
  try {
    client.emit('query', { __knexUid: connection.__knexUid, sql: text, bindings, options: { name } });
    const result = await connection.query({ name, text: statement, values: bindings as unknown[] });
    return result.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The connection of the entity manager's transaction (copyIn and copyOut run inside one). */
async function transactionConnection(em: EntityManager): Promise<PgClient> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('COPY runs inside a transaction');
  // A transaction's knex client hands out the transaction's connection (and releasing it is a no-op).
  return (await (transaction.client as Knex.Client).acquireConnection()) as PgClient;
}

/**
 * The whole output of a `COPY … TO STDOUT` statement, on the transaction's connection: with
 * `(format binary)`, numbers arrive as bytes rather than text to format and parse (see `BinaryCopyReader`).
 */
export async function copyOut(em: EntityManager, statement: string): Promise<Buffer> {
  const stream = (await transactionConnection(em)).query(copyTo(statement));
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Streams data into a `COPY … FROM STDIN` statement on the transaction's own connection (so it commits
 * or rolls back with the rest), e.g. rows from `BinaryCopyWriter`. `produce` sends the data chunk by
 * chunk and may take its time between chunks: the server ingests what it has meanwhile. Returns the
 * number of rows copied.
 */
export async function copyIn(
  em: EntityManager,
  statement: string,
  produce: (send: (chunk: Buffer) => Promise<void>) => Promise<void>,
): Promise<number> {
  // A generous buffer: the data of a statement still queued behind others is held, not refused.
  const stream = (await transactionConnection(em)).query(copyFrom(statement, { highWaterMark: 64 << 20 }));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const send = async (chunk: Buffer) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  await Promise.race([produce(send), failed]);
  stream.end();
  await finished(stream);
  return stream.rowCount;
}
