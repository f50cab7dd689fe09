import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Plain SQL with bound parameters, in the entity manager's transaction when there is one. For hot read
 * paths and bulk writes, where hydrating entities would cost more than the query (../shared/STACK.md).
 * `?` placeholders; an array binds as a PostgreSQL array (write `= any(?)`, not `in (?)`). Values travel as parameters, not
 * inlined into the text, so a multi-megabyte JSON batch is one bound string.
 */
export async function sql<T>(em: EntityManager, text: string, bindings: readonly unknown[] = []): Promise<T[]> {
  const runner = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()) as Knex;
  const result = (await runner.raw(text, bindings as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}
