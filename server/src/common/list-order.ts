import type { QueryOrderMap } from '@mikro-orm/core';
import type { SortDirection } from './graphql-enums';

/** A direction as MikroORM and SQL spell it. */
export type SortOrder = 'asc' | 'desc';

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

/**
 * A list's order as MikroORM wants it: `columns` says, for each sortable field, which columns it sorts
 * by in the requested direction (and the fixed tie-breakers after them; `paginate` adds the id last).
 */
export function orderFor<F extends string, T>(
  orderBy: SortRequest<F> | null | undefined,
  fallback: SortRequest<F>,
  columns: { [K in F]: (direction: SortOrder) => QueryOrderMap<T> },
): QueryOrderMap<T> {
  const { field, direction } = sortOf(orderBy, fallback);
  return columns[field](direction);
}
