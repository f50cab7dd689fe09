import DataLoader from 'dataloader';
import { wrap, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../modules/accounts/organization.entity';
import { Region } from '../modules/regions/region.entity';
import { RegionStatistics } from '../modules/regions/region-statistics.entity';

/**
 * Batch loaders of one request. A field that needs a related row asks its loader; every ask made while
 * resolving one level of the response becomes one `WHERE id IN (…)` query, so a page of 100 costs as many
 * statements as a page of 1.
 */
export function createLoaders(em: EntityManager) {
  const byId = <T extends { id: string }>(entity: new () => T) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await em.find(entity as never, { id: { $in: [...ids] } } as never);
      const map = new Map((rows as T[]).map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    });
  const regions = byId(Region);
  const organizations = byId(Organization);
  const statisticsByRegion = new DataLoader<string, RegionStatistics[]>(async (regionIds) => {
    const rows = await em.find(RegionStatistics, { region: { $in: [...regionIds] } }, { orderBy: { period: 'asc' } });
    return regionIds.map((id) => rows.filter((row) => row.region.id === id));
  });
  return { regions, organizations, statisticsByRegion };
}

export type Loaders = ReturnType<typeof createLoaders>;

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
