import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { raw, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { asEnum, SortDirectionEnum, type SortDirection } from './graphql-enums';
import { AppError } from './app-error';
import type { Filter } from './ability-filter';
import { afterPosition, decodeCursor, encodeCursor, orderByOf, reversed, type KeysetOrder, type KeyValue } from './keyset';
import { executeText, type StatementCache } from './statement-cache';

/**
 * Relay-style cursor connections, paged by keyset (common/keyset.ts): a cursor is a row's position in
 * the list's order — its ordering values and id — so a page is fetched with "after this position", and
 * rows appended or moved meanwhile neither repeat nor push others off the next page. Every list costs
 * two statements — the page, and its count (with whether rows lie beyond the cursor) — however long the
 * page.
 */
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page stands in its list: whether more pages follow or precede, and the cursors of its ends.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More rows follow this page (in the direction it was read, or after `before`)' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'More rows precede this page (before `after`, or before it when read with `last`)' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the first row: pass it as `before` for the previous page' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the last row: pass it as `after` for the next page' })
  endCursor!: string | null;
}

/**
 * A page of a list: `first` rows after `after`, or `last` rows before `before` (Relay's connection
 * arguments; exactly one of `first` and `last`). What paging guarantees while others write: a row that
 * exists when paging starts and whose ordering values do not change is returned exactly once, whatever is
 * appended, deleted or moved meanwhile; a row whose ordering values change between two pages shows where
 * its new position falls (again, or not at all if it moved to pages already read), and its move never
 * makes another row skip or repeat.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `The first rows after \`after\` (1 to ${MAX_PAGE_SIZE}); give first or last` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor (the endCursor of the previous page): the rows after it' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last rows before \`before\` (1 to ${MAX_PAGE_SIZE}); give first or last` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor (the startCursor of the next page): the rows before it' })
  before?: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor to page on from it.` })
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String, { description: "The row's position in the order: an opaque cursor for `after` or `before`" })
    cursor!: string;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many records match, in all pages (only those you may see)' })
    totalCount!: number;
  }
  return ConnectionClass;
}

function checkPageSize(argument: 'first' | 'last', size: number): void {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError('PAGE_SIZE_OUT_OF_RANGE', `${argument} must be between 1 and ${MAX_PAGE_SIZE}`, {
      [argument]: `1 to ${MAX_PAGE_SIZE}`,
    });
  }
}

/** A page as asked for, checked: its size, the direction it is read in, and the positions it lies between. */
export interface PageRequest<Row> {
  size: number;
  /** Read backwards from `before` (or from the end): `last` was given. */
  backwards: boolean;
  after: KeyValue[] | null;
  before: KeyValue[] | null;
  order: KeysetOrder<Row>;
}

/**
 * Checks the arguments of a page against its order: exactly one of `first` and `last` (FIRST_OR_LAST,
 * as Relay advises against both), a size within bounds, cursors made for this order (INVALID_CURSOR).
 */
export function pageRequest<Row>(page: PageArgs, order: KeysetOrder<Row>): PageRequest<Row> {
  const hasFirst = page.first !== null && page.first !== undefined;
  const hasLast = page.last !== null && page.last !== undefined;
  if (hasFirst === hasLast) {
    throw new AppError('FIRST_OR_LAST', 'Give either first or last (a page size), not both', {
      [hasFirst ? 'last' : 'first']: 'first or last',
    });
  }
  const size = (hasFirst ? page.first : page.last) as number;
  checkPageSize(hasFirst ? 'first' : 'last', size);
  return {
    size,
    backwards: hasLast,
    after: page.after ? decodeCursor(order, page.after, 'after') : null,
    before: page.before ? decodeCursor(order, page.before, 'before') : null,
    order,
  };
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

/** How a list reads its rows and counts them; `aliased` when its keys are a query builder's `alias.column`. */
export interface PageSource<Row> {
  aliased?: boolean;
  /** At most `limit` rows matching `seek` (besides the list's own filter), in the order given. */
  rows(seek: Filter, orderBy: Filter[], limit: number): Promise<Row[]>;
  /** How many rows match the list's filter, and whether one of them also matches `edge` (when given). */
  count(edge: Filter | null): Promise<{ total: number; edge: boolean }>;
}

/**
 * One page of a list, by keyset: the rows after `after` and before `before` in the order (or in the
 * reversed order with `last`, turned back), one more than asked to know whether more follow, and the
 * count, which also says whether rows lie beyond the cursor the page was read from (Relay's
 * hasPreviousPage with `after`, hasNextPage with `before`). Two statements, run together.
 */
export async function keysetPage<Row>(request: PageRequest<Row>, source: PageSource<Row>): Promise<Connection<Row>> {
  const aliased = source.aliased ?? false;
  const { order, size, backwards } = request;
  const reverse = reversed(order);
  const bounds: Filter[] = [];
  if (request.after) bounds.push(afterPosition(order, request.after, { aliased }));
  if (request.before) bounds.push(afterPosition(reverse, request.before, { aliased }));
  // Rows on the far side of the cursor the page starts from: at or before `after`, at or after `before`.
  const from = backwards ? request.before : request.after;
  const edge = from ? afterPosition(backwards ? order : reverse, from, { aliased, inclusive: true }) : null;
  const [fetched, counted] = await Promise.all([
    source.rows(bounds.length > 0 ? { $and: bounds } : {}, orderByOf(backwards ? reverse : order, { aliased }), size + 1),
    source.count(edge),
  ]);
  const more = fetched.length > size;
  const page = fetched.slice(0, size);
  if (backwards) page.reverse();
  const edges = page.map((node) => ({ node, cursor: encodeCursor(order, node) }));
  return {
    edges,
    totalCount: counted.total,
    pageInfo: {
      hasNextPage: backwards ? counted.edge : more,
      hasPreviousPage: backwards ? more : counted.edge,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A query builder's query, as a subquery of another statement. */
export interface SqlQuery {
  getKnexQuery(): Knex.QueryBuilder;
}

/**
 * The count statement of a list: `select (count) as total, exists(edge) as edge` — one round trip for
 * both, each a query builder's SQL over the same filter. With `cached`, its text is kept in `statements`
 * under `key` (StatementCache.keyOf everything the two queries are built from).
 */
export async function countWithEdge(
  em: EntityManager,
  total: SqlQuery,
  edge: SqlQuery | null,
  cached?: { statements: StatementCache; key: string | null },
): Promise<{ total: number; edge: boolean }> {
  const build = () => {
    const knex = em.getKnex();
    const columns = [knex.raw('(?) as total', [total.getKnexQuery()])];
    if (edge) columns.push(knex.raw('exists(?) as edge', [edge.getKnexQuery()]));
    return knex.select(columns);
  };
  type Counted = { total: string; edge?: boolean };
  const [row] = cached
    ? await executeText<Counted>(em, cached.statements.statement(em, cached.key, build))
    : await em.getConnection().execute<Counted[]>(build());
  return { total: Number(row.total), edge: row.edge === true };
}

/**
 * One page of entities matching `where` (already scoped by the caller's permissions; null = nothing
 * visible), in `order` (from `orderFor`, the id last), with the relations named in `populate` joined in.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: Filter | null | (() => Filter | null),
  page: PageArgs,
  order: KeysetOrder<T>,
  populate: readonly string[] = [],
): Promise<Connection<T>> {
  const request = pageRequest(page, order);
  // A filter with raw SQL conditions (`raw()` keys) comes as a function: MikroORM lets a raw fragment be
  // used by one query only, and the page's rows and its count are separate queries.
  const make = typeof filter === 'function' ? filter : () => filter;
  let spare = make();
  if (spare === null) return emptyConnection<T>();
  const where = () => {
    const fresh = spare ?? make();
    spare = null;
    return fresh;
  };
  return keysetPage(request, {
    rows: (seek, orderBy, limit) =>
      em.find(entity, { $and: [where(), seek] } as FilterQuery<T>, {
        orderBy: orderBy as QueryOrderMap<T>[],
        limit,
        populate: populate as never,
      }),
    count: (edge) =>
      countWithEdge(
        em,
        em
          .createQueryBuilder(entity)
          .count()
          .where(where() as FilterQuery<T>),
        edge
          ? em
              .createQueryBuilder(entity)
              .select(raw('1'))
              .where({ $and: [where(), edge] } as FilterQuery<T>)
              .limit(1)
          : null,
      ),
  });
}

/** `<Name>Order { field: <Name>OrderField, direction }` for a list, from its sortable fields. */
export function OrderType<F extends string>(name: string, fields: readonly F[]) {
  const fieldEnum = asEnum(fields);
  registerEnumType(fieldEnum, {
    name: `${name}OrderField`,
    description: `The fields a list of ${name} records sorts by; ties are broken by id, so pages are stable.`,
  });
  @InputType(`${name}Order`, { description: `How to sort a list of ${name} records: a field and a direction.` })
  class Order {
    @Field(() => fieldEnum) field!: F;
    @Field(() => SortDirectionEnum) direction!: SortDirection;
  }
  return Order;
}
