import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../../common/loaders';
import { sql } from '../../common/sql';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';

declare module '../../common/loaders' {
  interface Loaders {
    regions: DataLoader<string, Region | null>;
    /** By path (`/88/8801/880101/`): what the audit log records of a subject's region. */
    regionsByPath: DataLoader<string, Region | null>;
    statisticsByRegion: DataLoader<string, RegionStatistics[]>;
    /** How many regions bear a name: one statement for every name asked while resolving one level. */
    regionsNamed: DataLoader<string, number>;
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
    regionsNamed: new DataLoader<string, number>(async (names) => {
      const rows = await sql<{ name: string; count: number }>(
        em,
        'select name, count(*)::int as count from region where name = any(?) group by name',
        [[...names]],
      );
      const counts = new Map(rows.map((row) => [row.name, row.count]));
      return names.map((name) => counts.get(name) ?? 0);
    }),
  };
}
