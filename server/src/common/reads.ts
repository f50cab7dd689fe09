import type { EntityManager } from '@mikro-orm/postgresql';

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Reads that do not depend on each other: side by side on the pool's connections outside a transaction,
 * one after another inside one. A transaction is one connection, and pg takes no second query while one
 * runs: pg 8 queues it with a deprecation warning, pg 9 refuses it.
 */
export async function independentReads<T extends readonly (() => unknown)[]>(em: EntityManager, ...reads: T): Promise<Results<T>> {
  if (!em.isInTransaction()) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
