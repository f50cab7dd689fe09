import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { asEnum, SortDirectionEnum, type SortDirection } from './graphql-enums';
import { AppError } from './app-error';
import type { Filter } from './ability-filter';

/**
 * Relay-style cursor connections. Cursors are opaque (base64url of the row's offset in the requested
 * order, with the order's tie-breaker on id, so pages are stable). Every list costs two statements —
 * the page and its count — however long the page.
 */
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page stands in its list: whether more pages follow or precede, and the cursors of its ends.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;
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
    @Field(() => String) cursor!: string;
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

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('INVALID_CURSOR', 'This cursor does not come from this list', { after: 'invalid cursor' });
  return Number(match[1]) + 1;
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new AppError('PAGE_SIZE_OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}`, { first: `1 to ${MAX_PAGE_SIZE}` });
  }
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

/** Builds a connection from rows already fetched with `limit first + 1` at `offset`. */
export function toConnection<T>(rows: T[], offset: number, first: number, totalCount: number): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node, i) => ({ node, cursor: encodeCursor(offset + i) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * One page of entities matching `where` (already scoped by the caller's permissions; null = nothing
 * visible), in `orderBy` then id order, with the relations named in `populate` joined in.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: Filter | null,
  page: PageArgs,
  orderBy: QueryOrderMap<T>,
  populate: readonly string[] = [],
): Promise<Connection<T>> {
  checkPageSize(page.first);
  const offset = decodeCursor(page.after);
  if (where === null) return emptyConnection<T>();
  const filter = where as FilterQuery<T>;
  const [rows, totalCount] = await Promise.all([
    em.find(entity, filter, {
      orderBy: [orderBy, { id: 'asc' } as QueryOrderMap<T>],
      limit: page.first + 1,
      offset,
      populate: populate as never,
    }),
    em.count(entity, filter),
  ]);
  return toConnection(rows, offset, page.first, totalCount);
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
