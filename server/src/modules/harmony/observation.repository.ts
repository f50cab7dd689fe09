import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { harmony, statisticsFallbackChain } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey, type SortOrder } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import type { ObservationFilter, ObservationOrder } from './dto/harmony.inputs';
import { periodCode } from '../../common/period';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';

/** An observation as the CSV export reads it: plain columns, no entity. */
export interface ObservationExportRow {
  region_code: string;
  period: string;
  indicator_code: string;
  value: number;
  raw_count: number | null;
  raw_total: number | null;
  source: string | null;
}

/** The query side of observations, on the entity manager it is given (a transaction's, inside one). */
export class ObservationRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: ObservationFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.indicatorCode) requested.indicator = { code: filter.indicatorCode };
    if (filter?.regionId) requested.region = filter.regionId;
    if (filter?.withinId) {
      const within = await withinSubtree(this.em, filter.withinId);
      if (!within) return null;
      requested.region = { ...(filter.regionId ? { id: filter.regionId } : {}), ...within };
    }
    return requested;
  }

  /** A page of observations, newest period first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: ObservationOrder | null | undefined): Promise<Connection<Observation>> {
    const period = (direction: SortOrder) => sortKey<Observation>('period', direction, 'string', (observation) => observation.period);
    const regionCode = (direction: SortOrder) =>
      sortKey<Observation>('region.code', direction, 'string', (observation) => observation.region.code);
    const order = orderFor<ObservationOrder['field'], Observation>(
      'observations',
      orderBy,
      { field: 'PERIOD', direction: 'DESC' },
      {
        PERIOD: (direction) => [period(direction), regionCode('asc')],
        ENTERED_AT: (direction) => [sortKey('enteredAt', direction, 'date', (observation) => observation.enteredAt)],
        REGION_CODE: (direction) => [regionCode(direction), period('desc')],
        INDICATOR: (direction) => [
          sortKey('indicator.code', direction, 'string', (observation) => observation.indicator.code),
          period('desc'),
        ],
      },
      byId,
    );
    return paginate(this.em, Observation, where, page, order, ['region', 'indicator', 'enteredBy']);
  }

  findWithRegion(id: string): Promise<Observation | null> {
    return this.em.findOne(Observation, { id }, { populate: ['region'] });
  }

  revisionsOf(observationId: string): Promise<ObservationRevision[]> {
    return this.em.find(ObservationRevision, { observation: observationId }, { orderBy: { revision: 'desc' } });
  }

  /**
   * The current observations of every combination of the regions, periods and indicators given, locked
   * for this transaction (SELECT … FOR UPDATE) and read fresh: a concurrent correction of one of them waits
   * for this one and then sees its revision. Locked in id order, so that two writers never deadlock.
   */
  async lockCurrent(regionIds: string[], periods: string[], indicatorIds: string[]): Promise<Observation[]> {
    const rows = await this.em.find(
      Observation,
      { region: { $in: regionIds }, period: { $in: periods }, indicator: { $in: indicatorIds } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
    await this.em.populate(rows, ['enteredBy']);
    return rows;
  }

  /** The rows of a CSV export, in the import's order, at most `limit` of them. */
  exportRows(where: Filter, limit: number): Promise<ObservationExportRow[]> {
    return this.em
      .createQueryBuilder(Observation, 'o')
      .select(['o.period', 'o.value', 'o.rawCount', 'o.rawTotal', 'o.source'])
      .addSelect(['r.code as region_code', 'i.code as indicator_code'])
      .join('o.region', 'r')
      .join('o.indicator', 'i')
      .where(where)
      .orderBy({ period: 'asc', region: { code: 'asc' }, indicator: { code: 'asc' } })
      .limit(limit)
      .execute<ObservationExportRow[]>('all', false);
  }

  /** Population and households by region and period (`regionId|period`), each from the most specific period recorded. */
  async denominators(regionIds: string[], periods: string[]): Promise<Map<string, harmony.RateDenominators>> {
    const result = new Map<string, harmony.RateDenominators>();
    if (regionIds.length === 0 || periods.length === 0) return result;
    const chains = new Map(periods.map((period) => [period, statisticsFallbackChain(period)]));
    const rows = await sql<{ region_id: string; period: string; population: number; households: number }>(
      this.em,
      'select region_id, period, population, households from region_statistics where region_id = any(?::uuid[]) and period = any(?)',
      [regionIds, [...new Set([...chains.values()].flat())]],
    );
    const byKey = new Map(rows.map((row) => [`${row.region_id}|${row.period}`, row]));
    for (const regionId of regionIds) {
      for (const [period, chain] of chains) {
        const found = chain.map((p) => byKey.get(`${regionId}|${p}`)).find((row) => row !== undefined);
        if (found) result.set(`${regionId}|${period}`, { population: found.population, households: found.households });
      }
    }
    return result;
  }
}
