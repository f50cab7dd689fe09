import { defineModule, resolver } from '../../app/module-manifest';
import { seedDemoRegions } from './region.demo-seed';
import { regionLoaders } from './region.loaders';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';
import { RegionService } from './region.service';

export { Region };

/** Regions: the tree of jurisdictions (province to township) and their population and households. */
export const regionsModule = defineModule({
  name: 'regions',
  entities: [Region, RegionStatistics],
  createServices: ({ events }) => ({ regions: new RegionService(events) }),
  resolvers: [resolver(RegionResolver, (s: { regions: RegionService }) => new RegionResolver(s.regions))],
  nodes: (s: { regions: RegionService }) => ({ Region: (context, id) => s.regions.get(context, id) }),
  loaders: regionLoaders,
  // The regions' tables are created by the platform's Foundation migration (server/src/migrations).
  migrations: [],
  seedDemo: seedDemoRegions,
});
