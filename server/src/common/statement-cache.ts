import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** Plain data only (what a list's filter, order and page arguments are): anything else is not a key. */
function isPlainData(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) return value.every(isPlainData);
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      // A symbol key (MikroORM's raw fragments are registered under theirs) is not data that JSON would keep.
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      return Object.values(value as Record<string, unknown>).every(isPlainData);
    }
    default:
      return false;
  }
}

/**
 * The SQL text of statements a hot read path builds with the query builder, kept by everything the
 * statement is built from — the caller's permission filter included — so that a list asked for again
 * (the public dashboard's pages: the same few, asked by everybody) skips building it: MikroORM's query
 * builder and knex cost the dashboard about a sixth of its CPU, more than the statement's own rows.
 *
 * The text is exactly what executing the builder would send (its bindings inlined by the platform, as
 * MikroORM's `execute` does), so a kept statement and a built one cannot differ. Inputs that are not
 * plain data (a Date, a raw fragment) are never kept: their statement is built every time. The oldest
 * statement makes room when `capacity` are kept.
 */
export class StatementCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /**
   * The key of a statement built from `inputs` (every input of the build, as plain data), or null when
   * they are not plain data. Taken before building: a query builder may normalize the filters it is given.
   */
  static keyOf(inputs: unknown): string | null {
    return isPlainData(inputs) ? JSON.stringify(inputs) : null;
  }

  /** The text of the statement `build` makes, kept under `key` (from keyOf; null: built every time). */
  text(em: EntityManager, key: string | null, build: () => Knex.QueryBuilder): string {
    const kept = key === null ? undefined : this.texts.get(key);
    if (kept !== undefined) return kept;
    const { sql, bindings } = build().toSQL();
    const text = em.getPlatform().formatQuery(sql, [...bindings]);
    if (key !== null) {
      if (this.texts.size >= this.capacity) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(key, text);
    }
    return text;
  }

  /** How many statements are kept (for tests). */
  get size(): number {
    return this.texts.size;
  }
}

/** Runs a statement's text (no bindings: they are in it) in the entity manager's transaction when there is one. */
export function executeText<T>(em: EntityManager, text: string): Promise<T[]> {
  return em.getConnection().execute<T[]>(text, [], 'all', em.getTransactionContext());
}
