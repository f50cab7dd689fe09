import DataLoader from 'dataloader';
import { wrap, type EntityClass, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubjectName } from '@massline/shared';
import { notFound } from './app-error';
import { authorize } from './operation-permission';
import type { RequestContext } from './request-context';

/**
 * Batch loaders of one request. A field that needs a related row asks its loader; every ask made while
 * resolving one level of the response becomes one `WHERE id IN (…)` query, so a page of 100 costs as many
 * statements as a page of 1.
 * Each module adds its loaders to this interface (`declare module '…/common/loaders'` in its
 * `*.loaders.ts`) and creates them through its manifest's `loaders`; the app builds them per request.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface Loaders {}

/** A loader of rows by id: one query for every id asked while resolving one level. */
export function byIdLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  populate: readonly string[] = [],
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity as never, { id: { $in: [...ids] } } as never, { populate: populate as never });
    const map = new Map((rows as T[]).map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A related entity: as it is when already loaded, else through the loader. */
export async function loadRelated<T extends { id: string }>(
  loader: DataLoader<string, T | null>,
  ref: T | Ref<T> | null | undefined,
): Promise<T | null> {
  if (!ref) return null;
  const entity = ref as T;
  if (wrap(entity).isInitialized()) return entity;
  return loader.load(entity.id);
}

/** The lookup loaders of each request (keyed by its entity manager), one per entity and relations to load. */
const lookupLoaders = new WeakMap<EntityManager, Map<string, DataLoader<string, { id: string } | null>>>();

function lookupLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, populate: readonly string[]) {
  const loaders = lookupLoaders.get(em) ?? new Map<string, DataLoader<string, { id: string } | null>>();
  lookupLoaders.set(em, loaders);
  const key = `${entity.name}:${populate.join(',')}`;
  const loader = loaders.get(key) ?? byIdLoader(em, entity, populate);
  loaders.set(key, loader);
  return loader as DataLoader<string, T | null>;
}

/**
 * The one lookup by id of a type: NOT_FOUND when there is no such row, the caller's read permission on
 * the row (with the relations its rules read, e.g. `region` for `region.path`) checked as everywhere.
 * Batched per request: the type's own query (`region(id:)`) and `nodes(ids:)` share it, so a hundred ids
 * of one type cost one statement.
 */
export async function readById<T extends { id: string }>(
  context: RequestContext,
  entity: EntityClass<T>,
  subject: SubjectName,
  id: string,
  populate: readonly string[] = [],
): Promise<T> {
  const row = await lookupLoader(context.em, entity, populate).load(id);
  if (!row) throw notFound(subject);
  authorize(context, 'read', subject, row);
  return row;
}
