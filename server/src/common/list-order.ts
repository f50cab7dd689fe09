import type { SortDirection } from './graphql-enums';
import type { KeysetOrder, KeyType, KeyValue, NullsPlacement, SortKey, SortOrder } from './keyset';

export type { SortOrder } from './keyset';

const SORT_ORDER: Record<SortDirection, SortOrder> = { ASC: 'asc', DESC: 'desc' };

/** What a list was asked to sort by (`orderBy` of its arguments), or its default. */
export interface SortRequest<F extends string> {
  field: F;
  direction: SortDirection;
}

/** The field and direction a list sorts by: the requested ones, else the list's default. */
export function sortOf<F extends string>(
  orderBy: SortRequest<F> | null | undefined,
  fallback: SortRequest<F>,
): { field: F; direction: SortOrder } {
  const { field, direction } = orderBy ?? fallback;
  return { field, direction: SORT_ORDER[direction] };
}

/** The unique last key of an entity list's order: its id, in the direction of the key before it (one index serves both). */
export const byId = <T extends { id: string }>(direction: SortOrder): SortKey<T> => ({
  path: 'id',
  direction,
  type: 'uuid',
  value: (row) => row.id,
});

/**
 * A list's keyset order: `columns` says, for each sortable field, which keys it sorts by in the requested
 * direction (and the fixed tie-breakers after them); `unique` gives the last key, which makes every
 * row's position its own (the id, for entities), in the direction of the key before it. `list` names the list, so
 * that a cursor of one list or order is refused by another.
 */
export function orderFor<F extends string, T>(
  list: string,
  orderBy: SortRequest<F> | null | undefined,
  fallback: SortRequest<F>,
  columns: { [K in F]: (direction: SortOrder) => SortKey<T>[] },
  unique: (direction: SortOrder) => SortKey<T>,
): KeysetOrder<T> {
  const { field, direction } = sortOf(orderBy, fallback);
  const keys = columns[field](direction);
  return { signature: `${list}:${field}:${direction}`, keys: [...keys, unique(keys[keys.length - 1]?.direction ?? direction)] };
}

/** One key of an order: a property path (or `alias.column`), its direction, what its values are, how to read one off a row. */
export function sortKey<T>(
  path: string,
  direction: SortOrder,
  type: KeyType,
  value: (row: T) => KeyValue,
  options: { nulls?: NullsPlacement; expression?: boolean } = {},
): SortKey<T> {
  return { path, direction, type, value, ...options };
}
