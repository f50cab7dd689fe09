import DataLoader from 'dataloader';
import { wrap, type EntityClass, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

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
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity as never, { id: { $in: [...ids] } } as never);
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
