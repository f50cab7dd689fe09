import { createHash } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import { AppError } from './app-error';
import type { Filter } from './ability-filter';

/**
 * Keyset paging: a page starts after (or ends before) a row's position in the list's order, given by the
 * row's ordering values and its id, never by an offset. Rows appended, deleted or moved between two page
 * fetches therefore neither repeat nor push other rows off the next page.
 *
 * Everything about a position lives here, once: the cursor (its encoding, and the refusal of a cursor
 * that was not made for this order) and the SQL predicate "after this position" for any order —
 * ascending, descending, mixed, with NULLs first or last — as a MikroORM filter, so that every list
 * (entity lists and query-builder lists alike) seeks the same way.
 */

/** A direction as MikroORM and SQL spell it. */
export type SortOrder = 'asc' | 'desc';

/** Where the rows without a value go. */
export type NullsPlacement = 'first' | 'last';

/** What a key's value is, so that a decoded cursor is checked before it reaches SQL. */
export type KeyType = 'string' | 'number' | 'date' | 'uuid' | 'boolean';

export type KeyValue = string | number | boolean | Date | null;

/** One column (or expression) of an order. */
export interface SortKey<Row> {
  /**
   * Where the key is in a filter and an ORDER BY: a property path (`occurredAt`, `region.code`: nested
   * filters, which MikroORM joins), a query builder's `alias.column`, or, with `expression`, raw SQL.
   */
  path: string;
  direction: SortOrder;
  type: KeyType;
  /** For a column that may be NULL: where its NULLs sort. Keys without it must never be NULL. */
  nulls?: NullsPlacement;
  /** `path` is raw SQL (an expression of a query builder's aliases), not a property. */
  expression?: boolean;
  /** The key's value on a row (the node of an edge), for that row's cursor. */
  value(row: Row): KeyValue;
}

/** A list's order, its last key unique (the id), so that every row has a position of its own. */
export interface KeysetOrder<Row> {
  /** Names the list and its order: a cursor of another list or order is refused. */
  signature: string;
  keys: readonly SortKey<Row>[];
}

/** The positions' format; a change of format refuses old cursors rather than misreading them. */
const CURSOR_VERSION = 1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = (argument: string) =>
  new AppError('INVALID_CURSOR', 'This cursor does not come from this list and order', { [argument]: 'invalid cursor' });

const digests = new Map<string, string>();

/**
 * A short digest of the order's signature: the cursor stays short and says nothing of the schema. Kept
 * per signature (one per list and order, a few dozen in all): every edge of every page needs it.
 */
function digestOf(signature: string): string {
  let digest = digests.get(signature);
  if (digest === undefined) digests.set(signature, (digest = createHash('sha256').update(signature).digest('base64url').slice(0, 10)));
  return digest;
}

/** A JSON-safe value: dates as `{ d: iso }`, everything else as it is. */
function encodeValue(value: KeyValue): unknown {
  return value instanceof Date ? { d: value.toISOString() } : value;
}

function decodeValue(encoded: unknown, key: SortKey<unknown>): KeyValue | undefined {
  if (encoded === null) return key.nulls ? null : undefined;
  switch (key.type) {
    case 'string':
      return typeof encoded === 'string' ? encoded : undefined;
    case 'uuid':
      return typeof encoded === 'string' && UUID.test(encoded) ? encoded : undefined;
    case 'number':
      return typeof encoded === 'number' && Number.isFinite(encoded) ? encoded : undefined;
    case 'boolean':
      return typeof encoded === 'boolean' ? encoded : undefined;
    case 'date': {
      const iso = typeof encoded === 'object' && encoded !== null && 'd' in encoded ? (encoded as { d: unknown }).d : undefined;
      const date = typeof iso === 'string' ? new Date(iso) : null;
      return date && !Number.isNaN(date.getTime()) ? date : undefined;
    }
  }
}

/** The opaque cursor of a row in an order: base64url of `[version, order digest, values…]`. */
export function encodeCursor<Row>(order: KeysetOrder<Row>, row: Row): string {
  const payload = [CURSOR_VERSION, digestOf(order.signature), ...order.keys.map((key) => encodeValue(key.value(row)))];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * The position a cursor names, checked against the order it must have been made for (INVALID_CURSOR
 * otherwise: another list, another order, another format, or a cursor altered by hand).
 */
export function decodeCursor<Row>(order: KeysetOrder<Row>, cursor: string, argument: string): KeyValue[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(argument);
  }
  if (!Array.isArray(payload) || payload.length !== order.keys.length + 2) throw invalidCursor(argument);
  const [version, digest, ...encoded] = payload as unknown[];
  if (version !== CURSOR_VERSION || digest !== digestOf(order.signature)) throw invalidCursor(argument);
  return order.keys.map((key, i) => {
    const value = decodeValue(encoded[i], key as SortKey<unknown>);
    if (value === undefined) throw invalidCursor(argument);
    return value;
  });
}

const flipDirection = (direction: SortOrder): SortOrder => (direction === 'asc' ? 'desc' : 'asc');

/** Where a key's NULLs sort when it does not say: PostgreSQL's default (NULL as the largest value). */
const nullsOf = (key: SortKey<unknown>): NullsPlacement => key.nulls ?? (key.direction === 'asc' ? 'last' : 'first');

/** The same order read backwards (for `last`/`before`): each key's direction and NULLs flipped. */
export function reversed<Row>(order: KeysetOrder<Row>): KeysetOrder<Row> {
  return {
    signature: order.signature,
    keys: order.keys.map((key) => ({
      ...key,
      direction: flipDirection(key.direction),
      ...(key.nulls ? { nulls: key.nulls === 'first' ? 'last' : 'first' } : {}),
    })),
  };
}

/** `{ path: condition }`: a property path nests (`region.code` → `{ region: { code } }`), the rest is a key as it is. */
function at(key: SortKey<unknown>, condition: unknown, aliased: boolean): Filter {
  if (key.expression) return { [raw(key.path)]: condition };
  if (aliased) return { [key.path]: condition };
  return key.path.split('.').reduceRight<unknown>((inner, property) => ({ [property]: inner }), condition) as Filter;
}

/** A condition that holds for no row. */
const NOTHING = (): Filter => ({ [raw('false')]: [] });

/** The rows whose key equals the value (NULL included). */
function equal(key: SortKey<unknown>, value: KeyValue, aliased: boolean): Filter {
  return at(key, value, aliased);
}

/** The rows whose key comes strictly after the value in the key's order (NULLs where the key puts them). */
function after(key: SortKey<unknown>, value: KeyValue, aliased: boolean): Filter {
  const nullsLast = nullsOf(key) === 'last';
  if (value === null) return nullsLast ? NOTHING() : at(key, { $ne: null }, aliased);
  const beyond = at(key, key.direction === 'asc' ? { $gt: value } : { $lt: value }, aliased);
  return key.nulls && nullsLast ? { $or: [beyond, at(key, null, aliased)] } : beyond;
}

export interface PredicateOptions {
  /** Keys are a query builder's `alias.column` (kept as they are), not property paths. */
  aliased?: boolean;
  /** Also the row at the position itself (at-or-after rather than after). */
  inclusive?: boolean;
}

/**
 * The rows after a position in an order, as a filter: `k1 > v1 OR (k1 = v1 AND k2 > v2) OR …` — the
 * row-value comparison `(k1, k2, id) > (v1, v2, v3)` spelled out key by key, since directions may differ
 * and NULLs compare as nothing. When the first key is never NULL, a bound on it alone (`k1 >= v1`) is
 * added, so that an index on the order's columns starts its scan at the position instead of at the top.
 */
export function afterPosition<Row>(order: KeysetOrder<Row>, values: readonly KeyValue[], options: PredicateOptions = {}): Filter {
  const aliased = options.aliased ?? false;
  const keys = order.keys as readonly SortKey<unknown>[];
  const branches: Filter[] = keys.map((key, i) => ({
    $and: [...keys.slice(0, i).map((previous, j) => equal(previous, values[j], aliased)), after(key, values[i], aliased)],
  }));
  if (options.inclusive) branches.push({ $and: keys.map((key, i) => equal(key, values[i], aliased)) });
  const [first] = keys;
  const bound = first && !first.nulls ? [at(first, first.direction === 'asc' ? { $gte: values[0] } : { $lte: values[0] }, aliased)] : [];
  return { $and: [...bound, { $or: branches }] };
}

/** The ORDER BY of an order, NULLs placed as the keys say (as MikroORM spells it: `{ path: 'asc nulls last' }`). */
export function orderByOf<Row>(order: KeysetOrder<Row>, options: { aliased?: boolean } = {}): Filter[] {
  return order.keys.map((key) => {
    const direction = key.nulls ? `${key.direction} nulls ${key.nulls}` : key.direction;
    return at(key as SortKey<unknown>, direction, options.aliased ?? false);
  });
}
