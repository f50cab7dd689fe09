import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { withinSubtree } from '../../common/subtree';
import { containsPattern, startsWithPattern } from '../../common/text-search';
import type { RegionFilter, RegionOrder } from './dto/region.inputs';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';

/** The query side of the region tree and its statistics; other modules look their regions up here too. */
export class RegionRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: RegionFilter | null | undefined): Promise<Filter | null> {
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
      const within = await withinSubtree(this.em, filter.withinId);
      if (!within) return null;
      Object.assign(requested, within);
    }
    return requested;
  }

  /** A page of regions, by code unless asked otherwise (by level: the path, so a parent before its children). */
  page(where: Filter | null, page: PageArgs, orderBy: RegionOrder | null | undefined): Promise<Connection<Region>> {
    const order = orderFor<RegionOrder['field'], Region>(
      'regions',
      orderBy,
      { field: 'CODE', direction: 'ASC' },
      {
        CODE: (direction) => [sortKey('code', direction, 'string', (region) => region.code)],
        NAME: (direction) => [sortKey('nameEn', direction, 'string', (region) => region.nameEn)],
        LEVEL: (direction) => [sortKey('path', direction, 'string', (region) => region.path)],
      },
      byId,
    );
    return paginate(this.em, Region, where, page, order);
  }

  findById(id: string): Promise<Region | null> {
    return this.em.findOne(Region, { id });
  }

  findByCodes(codes: string[]): Promise<Region[]> {
    return this.em.find(Region, { code: { $in: codes } });
  }

  /** A region that must exist (the principal's own): its absence is a fault, not the caller's mistake. */
  getById(id: string): Promise<Region> {
    return this.em.findOneOrFail(Region, { id });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.em.count(Region, { code })) > 0;
  }

  /** A region's figures of a period, locked for this transaction (SELECT … FOR UPDATE) and read fresh. */
  lockStatistics(region: Region, period: string): Promise<RegionStatistics | null> {
    return this.em.findOne(RegionStatistics, { region, period }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
}
