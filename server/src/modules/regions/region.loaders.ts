import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../common/loaders';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';

declare module '../../common/loaders' {
  interface Loaders {
    regions: DataLoader<string, Region | null>;
    /** By path (`/88/8801/880101/`): what the audit log records of a subject's region. */
    regionsByPath: DataLoader<string, Region | null>;
    statisticsByRegion: DataLoader<string, RegionStatistics[]>;
  }
}

/** The regions module's loaders of one request. */
export function regionLoaders(em: EntityManager) {
  return {
    regions: byIdLoader(em, Region),
    regionsByPath: new DataLoader<string, Region | null>(async (paths) => {
      const rows = await em.find(Region, { path: { $in: [...paths] } });
      const byPath = new Map(rows.map((row) => [row.path, row]));
      return paths.map((path) => byPath.get(path) ?? null);
    }),
    statisticsByRegion: new DataLoader<string, RegionStatistics[]>(async (regionIds) => {
      const rows = await em.find(RegionStatistics, { region: { $in: [...regionIds] } }, { orderBy: { period: 'asc' } });
      return regionIds.map((id) => rows.filter((row) => row.region.id === id));
    }),
  };
}
