import type { EntityManager } from '@mikro-orm/postgresql';
import { regionPath } from '@massline/shared';
import { demoRegions, demoStatistics } from '../../seeders/demo-province';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';

/** The demo province: its regions and their population and households. */
export async function seedDemoRegions(em: EntityManager): Promise<void> {
  const regions = new Map<string, Region>();
  for (const r of demoRegions()) {
    const parent = r.parentCode ? regions.get(r.parentCode)! : null;
    const region = em.create(Region, {
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      level: r.level,
      parent,
      path: regionPath(parent?.path ?? null, r.code),
    });
    regions.set(r.code, region);
  }
  for (const s of demoStatistics(demoRegions())) {
    em.create(RegionStatistics, { region: regions.get(s.code)!, period: s.period, population: s.population, households: s.households });
  }
  await em.flush();
}
