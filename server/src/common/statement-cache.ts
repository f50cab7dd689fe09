import { createHash } from 'node:crypto';
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

/** A kept statement: its text, and its name once it is prepared (PostgreSQL plans it once per connection). */
export interface KeptStatement {
  text: string;
  name: string | null;
}

interface Entry extends KeptStatement {
  uses: number;
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
 *
 * A statement asked for `prepareAfter` times is hot: it gets a name and runs as a prepared statement,
 * so each connection plans it once (the dashboard's page joins eight relations: planning cost PostgreSQL
 * ten times what the baseline's statement does) and sends only its name afterwards. Prepared statements
 * live as long as their connection, so at most `maxPrepared` texts are ever named by a process: the
 * memory they hold in each connection is bounded whatever the traffic.
 */
export class StatementCache {
  private readonly kept = new Map<string, Entry>();
  private readonly named = new Set<string>();

  constructor(
    private readonly capacity: number,
    private readonly prepared: { prepareAfter: number; maxPrepared: number } = { prepareAfter: 3, maxPrepared: 32 },
  ) {}

  /**
   * The key of a statement built from `inputs` (every input of the build, as plain data), or null when
   * they are not plain data. Taken before building: a query builder may normalize the filters it is given.
   */
  static keyOf(inputs: unknown): string | null {
    return isPlainData(inputs) ? JSON.stringify(inputs) : null;
  }

  /** The statement `build` makes, kept under `key` (from keyOf; null: built every time, never prepared). */
  statement(em: EntityManager, key: string | null, build: () => Knex.QueryBuilder): KeptStatement {
    const kept = key === null ? undefined : this.kept.get(key);
    if (kept !== undefined) {
      kept.uses++;
      if (kept.name === null && kept.uses >= this.prepared.prepareAfter) kept.name = this.nameOf(kept.text);
      return kept;
    }
    const { sql, bindings } = build().toSQL();
    const text = em.getPlatform().formatQuery(sql, [...bindings]);
    if (key === null) return { text, name: null };
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    const entry: Entry = { text, name: null, uses: 1 };
    this.kept.set(key, entry);
    return entry;
  }

  /** A name for a hot text: the same one for the same text (a statement dropped and built again), none past the budget. */
  private nameOf(text: string): string | null {
    const name = `kept_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    if (this.named.has(name)) return name;
    if (this.named.size >= this.prepared.maxPrepared) return null;
    this.named.add(name);
    return name;
  }

  /** How many statements are kept, and how many texts were ever named (for tests). */
  get size(): { kept: number; named: number } {
    return { kept: this.kept.size, named: this.named.size };
  }
}

/** Runs a kept statement (no bindings: they are in its text) in the entity manager's transaction when there is one. */
export async function executeText<T>(em: EntityManager, statement: KeptStatement): Promise<T[]> {
  const runner = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()) as Knex;
  const query = runner.raw(statement.text);
  if (statement.name !== null) query.options({ name: statement.name });
  const result = (await query) as { rows: T[] };
  return result.rows;
}
