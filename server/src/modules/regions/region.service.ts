import { childLevelOf, problemOf, regionPath } from '@massline/shared';
import { AppError, invalidInput } from '../../common/app-error';
import { readById } from '../../common/loaders';
import type { Connection, PageArgs } from '../../common/connection';
import { scoped } from '../../common/ability-filter';
import { conflictOnUnique } from '../../common/guarded-write';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { RegionsEvents } from './regions.events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { periodCode } from '../../common/period';
import type { CreateRegionInput, RegionListArgs, SetRegionStatisticsInput } from './dto/region.inputs';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';
import { RegionRepository } from './region.repository';

/** The region tree and its per-period population and households. */
export class RegionService {
  constructor(private readonly events: EventPublisher<RegionsEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: RegionListArgs): Promise<Connection<Region>> {
    const regions = new RegionRepository(context.em);
    const requested = await regions.requestedFilter(filter);
    return regions.page(requested && scoped(context.ability, 'read', 'Region', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Region> {
    return readById(context, Region, 'Region', id);
  }

  async create(context: RequestContext, input: CreateRegionInput): Promise<Region> {
    const regions = new RegionRepository(context.em);
    const parent = await regions.findById(input.parentId);
    if (!parent) throw invalidInput({ parentId: problemOf('NO_SUCH_REGION') });
    const level = childLevelOf(parent.level);
    if (!level)
      throw new AppError('REGION_LEVEL_INVALID', 'A township has no regions under it', { parentId: problemOf('TOWNSHIP_HAS_NO_CHILDREN') });
    const path = regionPath(parent.path, input.code);
    authorize(context, 'create', 'Region', { path }, 'parentId');
    const codeTaken = () => new AppError('REGION_CODE_TAKEN', `Code ${input.code} is already used`, { code: problemOf('ALREADY_USED') });
    if (await regions.codeTaken(input.code)) throw codeTaken();
    // Checked above for a quick answer; the unique keys (code, path) decide a race between two creations.
    return inTransaction(this.events, context, async (em) => {
      const region = em.create(Region, { code: input.code, name: input.name.trim(), nameEn: input.nameEn.trim(), level, parent, path });
      await em.flush();
      return {
        result: region,
        events: [
          {
            action: 'region.create',
            subjectType: 'Region',
            subjectId: region.id,
            regionPath: path,
            before: null,
            after: { id: region.id, code: region.code, name: region.name, nameEn: region.nameEn, level, parentId: parent.id },
          },
        ],
      };
    }).catch(conflictOnUnique(codeTaken, ['region_code_unique', 'region_path_unique']));
  }

  async setStatistics(context: RequestContext, input: SetRegionStatisticsInput): Promise<RegionStatistics> {
    const period = periodCode(input.period);
    if (input.households > input.population) throw invalidInput({ households: problemOf('HOUSEHOLDS_ABOVE_POPULATION') });
    const region = await this.get(context, input.regionId);
    authorize(context, 'update', 'Region', region);
    const changed = () =>
      new AppError('REGION_STATISTICS_CHANGED', `The figures of ${period} were set meanwhile by someone else: reload them`);
    // The row of the period is locked while it is read and changed; two first settings at once meet at its unique key.
    return inTransaction(this.events, context, async (em) => {
      const existing = await new RegionRepository(em).lockStatistics(region, period);
      const before = existing ? { population: existing.population, households: existing.households } : null;
      const statistics =
        existing ?? em.create(RegionStatistics, { region, period, population: input.population, households: input.households });
      statistics.population = input.population;
      statistics.households = input.households;
      await em.flush();
      return {
        result: statistics,
        events: [
          {
            action: 'region.statistics.set',
            subjectType: 'Region',
            subjectId: region.id,
            regionPath: region.path,
            before: before && { period, ...before },
            after: { period, population: input.population, households: input.households },
          },
        ],
      };
    }).catch(conflictOnUnique(changed, ['region_statistics_region_id_period_unique']));
  }
}
