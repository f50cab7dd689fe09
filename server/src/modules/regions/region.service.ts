import { childLevelOf, parsePeriod, regionPath, InvalidPeriodError } from '@massline/shared';
import type { QueryOrderMap } from '@mikro-orm/core';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { RegionsEvents } from './regions.events';
import { scoped, type Filter } from '../../common/ability-filter';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { containsPattern, startsWithPattern } from '../../common/text-search';
import type { CreateRegionInput, RegionListArgs, SetRegionStatisticsInput } from './dto/region.inputs';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';

/** The region tree and its per-period population and households. */
export class RegionService {
  constructor(private readonly events: EventPublisher<RegionsEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: RegionListArgs): Promise<Connection<Region>> {
    const requested: Filter = {};
    if (filter?.parentId !== undefined) requested.parent = filter.parentId;
    if (filter?.level) requested.level = filter.level;
    if (filter?.search) {
      const pattern = containsPattern(filter.search);
      requested.$or = [
        { name: { $ilike: pattern } },
        { nameEn: { $ilike: pattern } },
        { code: { $like: startsWithPattern(filter.search.trim()) } },
      ];
    }
    if (filter?.withinId) {
      const within = await context.em.findOne(Region, { id: filter.withinId }, { fields: ['path'] });
      if (!within) return paginate(context.em, Region, null, page, {});
      requested.path = { $like: startsWithPattern(within.path) };
    }
    const column = orderBy?.field === 'NAME' ? 'nameEn' : orderBy?.field === 'LEVEL' ? 'path' : 'code';
    const order = { [column]: (orderBy?.direction ?? 'ASC').toLowerCase() } as QueryOrderMap<Region>;
    return paginate(context.em, Region, scoped(context.ability, 'read', 'Region', requested), page, order);
  }

  async get(context: RequestContext, id: string): Promise<Region> {
    const region = await context.em.findOne(Region, { id });
    if (!region) throw notFound('Region');
    authorize(context, 'read', 'Region', region);
    return region;
  }

  async create(context: RequestContext, input: CreateRegionInput): Promise<Region> {
    const parent = await context.em.findOne(Region, { id: input.parentId });
    if (!parent) throw invalidInput({ parentId: 'No such region' });
    const level = childLevelOf(parent.level);
    if (!level)
      throw new AppError('REGION_LEVEL_INVALID', 'A township has no regions under it', { parentId: 'A township cannot have children' });
    const path = regionPath(parent.path, input.code);
    authorize(context, 'create', 'Region', { path }, 'parentId');
    if (await context.em.count(Region, { code: input.code })) {
      throw new AppError('REGION_CODE_TAKEN', `Code ${input.code} is already used`, { code: 'Already used' });
    }
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
    });
  }

  async setStatistics(context: RequestContext, input: SetRegionStatisticsInput): Promise<RegionStatistics> {
    let period: string;
    try {
      period = parsePeriod(input.period).code;
    } catch (error) {
      if (error instanceof InvalidPeriodError) throw new AppError('INVALID_PERIOD', error.message, { period: error.message });
      throw error;
    }
    if (input.households > input.population) throw invalidInput({ households: 'Cannot exceed the population' });
    const region = await this.get(context, input.regionId);
    authorize(context, 'update', 'Region', region);
    return inTransaction(this.events, context, async (em) => {
      const existing = await em.findOne(RegionStatistics, { region, period });
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
    });
  }
}
