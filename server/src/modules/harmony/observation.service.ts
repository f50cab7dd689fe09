import { subject } from '@casl/ability';
import type { EntityManager } from '@mikro-orm/postgresql';
import { harmony, InvalidPeriodError, parsePeriod, statisticsFallbackChain } from '@massline/shared';
import { scoped, type Filter } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { CsvSyntaxError, parseCsv, toCsv } from '../../common/csv';
import { changeInTransaction, type DomainEvent, type EventPublisher } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { sql } from '../../common/sql';
import { startsWithPattern } from '../../common/text-search';
import { User } from '../accounts/user.entity';
import { Region } from '../regions/region.entity';
import { RECOMPUTED_PERIODS } from './assessment-recomputation.listener';
import type { HarmonyEvents } from './harmony.events';
import type { QueryOrderMap } from '@mikro-orm/core';
import type { ObservationFilter, ObservationListArgs, RecordObservationInput } from './dto/harmony.inputs';
import type { ObservationImportReport } from './dto/harmony.outputs';
import type { ObservationMethod } from './harmony-enums';
import { harmonyInputError, periodCode } from './harmony-errors';
import { Indicator } from './indicator.entity';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';

export const IMPORT_COLUMNS = ['region_code', 'period', 'indicator', 'value', 'raw_count', 'raw_total', 'source'] as const;
const MAX_IMPORT_ROWS = 50_000;

/** A checked observation, ready to write. */
export interface ObservationWrite {
  region: Region;
  period: string;
  indicator: Indicator;
  value: number;
  rawCount: number | null;
  rawTotal: number | null;
  method: ObservationMethod;
  source: string | null;
}

const snapshot = (o: {
  value: number;
  rawCount?: number | null;
  rawTotal?: number | null;
  method: string;
  source?: string | null;
  revision: number;
}) => ({
  value: o.value,
  rawCount: o.rawCount ?? null,
  rawTotal: o.rawTotal ?? null,
  method: o.method,
  source: o.source ?? null,
  revision: o.revision,
});

/**
 * Observations: one current value per region, period and indicator; a correction keeps the old value
 * as a revision. Entered by form or mutation, imported from CSV (all rows or none), exported to CSV.
 * Every write recomputes the active methodology's assessments of the periods it touches, in the same
 * transaction.
 */
export class ObservationService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: ObservationListArgs): Promise<Connection<Observation>> {
    const requested = await this.requestedFilter(context.em, filter);
    if (requested === null) return paginate(context.em, Observation, null, page, {});
    const direction = (orderBy?.direction ?? (orderBy ? 'ASC' : 'DESC')).toLowerCase() as 'asc' | 'desc';
    const order: QueryOrderMap<Observation> =
      orderBy?.field === 'ENTERED_AT'
        ? { enteredAt: direction }
        : orderBy?.field === 'REGION_CODE'
          ? { region: { code: direction }, period: 'desc' }
          : orderBy?.field === 'INDICATOR'
            ? { indicator: { code: direction }, period: 'desc' }
            : { period: direction, region: { code: 'asc' } };
    return paginate(context.em, Observation, scoped(context.ability, 'read', 'Observation', requested), page, order, [
      'region',
      'indicator',
      'enteredBy',
    ]);
  }

  private async requestedFilter(em: EntityManager, filter: ObservationFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.indicatorCode) requested.indicator = { code: filter.indicatorCode };
    if (filter?.regionId) requested.region = filter.regionId;
    if (filter?.withinId) {
      const within = await em.findOne(Region, { id: filter.withinId }, { fields: ['path'] });
      if (!within) return null;
      requested.region = { ...(filter.regionId ? { id: filter.regionId } : {}), path: { $like: startsWithPattern(within.path) } };
    }
    return requested;
  }

  async revisions(context: RequestContext, observationId: string): Promise<ObservationRevision[]> {
    const observation = await context.em.findOne(Observation, { id: observationId }, { populate: ['region'] });
    if (!observation) throw notFound('Observation');
    authorize(context, 'read', 'Observation', observation);
    return context.em.find(ObservationRevision, { observation: observationId }, { orderBy: { revision: 'desc' } });
  }

  /** One observation from the form or the API. */
  async record(context: RequestContext, input: RecordObservationInput): Promise<Observation> {
    const period = periodCode(input.period);
    const region = await context.em.findOne(Region, { id: input.regionId });
    if (!region) throw invalidInput({ regionId: 'No such region' });
    authorize(context, 'create', 'Observation', { region }, 'regionId');
    const indicator = await context.em.findOne(Indicator, { code: input.indicatorCode });
    if (!indicator) throw new AppError('UNKNOWN_INDICATOR', `No indicator ${input.indicatorCode}`, { indicatorCode: 'No such indicator' });
    const denominators = await this.denominators(context.em, [region.id], [period]);
    let computed: { value: number; method: 'DIRECT' | 'FROM_COUNT' };
    try {
      computed = harmony.observationValue(indicator, input, denominators.get(`${region.id}|${period}`) ?? {});
    } catch (error) {
      harmonyInputError(error, input.value !== null && input.value !== undefined ? 'value' : 'rawCount');
    }
    const [written] = await this.write(context, [
      {
        region,
        period,
        indicator,
        value: computed.value,
        rawCount: input.rawCount ?? null,
        rawTotal: input.rawTotal ?? null,
        method: computed.method,
        source: input.source?.trim() || null,
      },
    ]);
    return written;
  }

  /**
   * A CSV of observations: every row is checked first; if any is bad, nothing is written and the report
   * lists each bad row with its line and why. Otherwise all rows are written in one transaction.
   */
  async importCsv(context: RequestContext, csv: string): Promise<ObservationImportReport> {
    let records;
    try {
      records = parseCsv(csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) return rejected(0, [{ line: error.line, reason: error.message }]);
      throw error;
    }
    const [header, ...rows] = records;
    if (!header) return rejected(0, [{ line: 1, reason: 'The file is empty' }]);
    const columns = header.cells.map((cell) => cell.toLowerCase());
    const missing = ['region_code', 'period', 'indicator'].filter((column) => !columns.includes(column));
    if (missing.length > 0 || (!columns.includes('value') && !columns.includes('raw_count'))) {
      return rejected(rows.length, [
        {
          line: header.line,
          reason: `The header needs ${IMPORT_COLUMNS.join(', ')} (value or raw_count); missing: ${[...missing, ...(columns.includes('value') || columns.includes('raw_count') ? [] : ['value'])].join(', ')}`,
        },
      ]);
    }
    if (rows.length === 0) return rejected(0, [{ line: header.line + 1, reason: 'No rows under the header' }]);
    if (rows.length > MAX_IMPORT_ROWS)
      return rejected(rows.length, [{ line: header.line, reason: `At most ${MAX_IMPORT_ROWS} rows per import` }]);
    const cell = (row: { cells: string[] }, name: string) => {
      const index = columns.indexOf(name);
      return index < 0 ? '' : (row.cells[index] ?? '').trim();
    };

    const { em } = context;
    const regionCodes = [...new Set(rows.map((row) => cell(row, 'region_code')))];
    const regions = new Map((await em.find(Region, { code: { $in: regionCodes } })).map((r) => [r.code, r]));
    const indicators = new Map((await em.find(Indicator, {})).map((i) => [i.code, i]));
    const periods = new Set<string>();
    for (const row of rows) {
      try {
        periods.add(parsePeriod(cell(row, 'period')).code);
      } catch {
        // reported below, row by row
      }
    }
    const denominators = await this.denominators(
      em,
      [...regions.values()].map((r) => r.id),
      [...periods],
    );

    const errors: { line: number; reason: string }[] = [];
    const writes: ObservationWrite[] = [];
    const seen = new Map<string, number>();
    const number = (text: string, name: string): number | null => {
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isFinite(value)) throw new Error(`${name} "${text}" is not a number`);
      return value;
    };
    for (const row of rows) {
      try {
        if (row.cells.length > columns.length) throw new Error(`${row.cells.length} fields, the header has ${columns.length}`);
        const region = regions.get(cell(row, 'region_code'));
        if (!region) throw new Error(`no region with code "${cell(row, 'region_code')}"`);
        if (!context.ability.can('create', subject('Observation', { region: { path: region.path } })))
          throw new Error(`region ${region.code} is outside your jurisdiction`);
        let period: string;
        try {
          period = parsePeriod(cell(row, 'period')).code;
        } catch (error) {
          throw new Error(error instanceof InvalidPeriodError ? error.message : 'bad period', { cause: error });
        }
        const indicator = indicators.get(cell(row, 'indicator').toUpperCase());
        if (!indicator) throw new Error(`no indicator "${cell(row, 'indicator')}"`);
        const key = `${region.id}|${period}|${indicator.code}`;
        if (seen.has(key)) throw new Error(`the same region, period and indicator as line ${seen.get(key)}`);
        seen.set(key, row.line);
        const input = {
          value: number(cell(row, 'value'), 'value'),
          rawCount: number(cell(row, 'raw_count'), 'raw_count'),
          rawTotal: number(cell(row, 'raw_total'), 'raw_total'),
        };
        let computed;
        try {
          computed = harmony.observationValue(indicator, input, denominators.get(`${region.id}|${period}`) ?? {});
        } catch (error) {
          if (harmony.isHarmonyMathError(error) && error.code === 'MISSING_DENOMINATOR') {
            throw new Error(`no population or households recorded for ${region.code} in ${period} (or its year)`, { cause: error });
          }
          throw error;
        }
        const source = cell(row, 'source');
        if (source.length > 300) throw new Error('source is longer than 300 characters');
        writes.push({
          region,
          period,
          indicator,
          value: computed.value,
          rawCount: input.rawCount,
          rawTotal: input.rawTotal,
          method: computed.method,
          source: source || null,
        });
      } catch (error) {
        errors.push({ line: row.line, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (errors.length > 0) return rejected(rows.length, errors);
    const { recomputedPeriods, corrected } = await this.writeAndRecompute(context, writes, {
      action: 'observation.import',
      rows: rows.length,
    });
    return { accepted: true, rowCount: rows.length, written: writes.length, corrected, errors: [], recomputedPeriods };
  }

  /** The observations of a filter, as CSV in the import's own columns (a round trip re-imports them). */
  async exportCsv(context: RequestContext, filter: ObservationFilter | null | undefined): Promise<string> {
    const requested = await this.requestedFilter(context.em, filter);
    const where = requested === null ? null : scoped(context.ability, 'read', 'Observation', requested);
    if (where === null) return toCsv(IMPORT_COLUMNS, []);
    const rows = await context.em
      .createQueryBuilder(Observation, 'o')
      .select(['o.period', 'o.value', 'o.rawCount', 'o.rawTotal', 'o.source'])
      .addSelect(['r.code as region_code', 'i.code as indicator_code'])
      .join('o.region', 'r')
      .join('o.indicator', 'i')
      .where(where)
      .orderBy({ period: 'asc', region: { code: 'asc' }, indicator: { code: 'asc' } })
      .limit(MAX_IMPORT_ROWS)
      .execute<
        {
          region_code: string;
          period: string;
          indicator_code: string;
          value: number;
          raw_count: number | null;
          raw_total: number | null;
          source: string | null;
        }[]
      >('all', false);
    return toCsv(
      IMPORT_COLUMNS,
      rows.map((row) => [
        row.region_code,
        row.period,
        row.indicator_code,
        row.raw_count === null ? row.value : '',
        row.raw_count,
        row.raw_total,
        row.source,
      ]),
    );
  }

  /** Population and households by region and period, each from the most specific period recorded. */
  async denominators(em: EntityManager, regionIds: string[], periods: string[]): Promise<Map<string, harmony.RateDenominators>> {
    const result = new Map<string, harmony.RateDenominators>();
    if (regionIds.length === 0 || periods.length === 0) return result;
    const chains = new Map(periods.map((period) => [period, statisticsFallbackChain(period)]));
    const rows = await sql<{ region_id: string; period: string; population: number; households: number }>(
      em,
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

  /** Writes observations (with a revision for each corrected value) and recomputes; returns them. */
  async write(context: RequestContext, writes: ObservationWrite[]): Promise<Observation[]> {
    const written: Observation[] = [];
    await this.writeAndRecompute(context, writes, null, written);
    return written;
  }

  private async writeAndRecompute(
    context: RequestContext,
    writes: ObservationWrite[],
    summary: { action: 'observation.import'; rows: number } | null,
    written: Observation[] = [],
  ): Promise<{ recomputedPeriods: string[]; corrected: number }> {
    const periods = [...new Set(writes.map((w) => w.period))];
    const { result, outcomes } = await changeInTransaction(this.events, context, async (em) => {
      const existing = await em.find(
        Observation,
        {
          region: { $in: [...new Set(writes.map((w) => w.region.id))] },
          period: { $in: periods },
          indicator: { $in: [...new Set(writes.map((w) => w.indicator.id))] },
        },
        { populate: ['enteredBy'] },
      );
      const byKey = new Map(existing.map((o) => [`${o.region.id}|${o.period}|${o.indicator.id}`, o]));
      const enteredBy = context.principal.kind === 'USER' ? await em.findOne(User, { id: context.principal.id }) : null;
      const events: DomainEvent<HarmonyEvents>[] = [];
      let corrected = 0;
      for (const w of writes) {
        const current = byKey.get(`${w.region.id}|${w.period}|${w.indicator.id}`);
        const next = { value: w.value, rawCount: w.rawCount, rawTotal: w.rawTotal, method: w.method, source: w.source };
        if (current) {
          corrected++;
          em.create(ObservationRevision, {
            observation: current,
            revision: current.revision,
            value: current.value,
            rawCount: current.rawCount ?? null,
            rawTotal: current.rawTotal ?? null,
            method: current.method,
            source: current.source ?? null,
            enteredByLabel: current.enteredBy?.email ?? null,
            enteredAt: current.enteredAt,
            replacedByLabel: context.actorLabel,
          });
          const before = snapshot(current);
          Object.assign(current, next, { revision: current.revision + 1, enteredBy, enteredAt: new Date() });
          written.push(current);
          if (!summary)
            events.push({
              action: 'observation.correct',
              subjectType: 'Observation',
              subjectId: current.id,
              regionPath: w.region.path,
              before,
              after: { ...snapshot(current), indicator: w.indicator.code, period: w.period },
            });
        } else {
          const created = em.create(Observation, { region: w.region, period: w.period, indicator: w.indicator, ...next, enteredBy });
          written.push(created);
          if (!summary)
            events.push({
              action: 'observation.record',
              subjectType: 'Observation',
              subjectId: created.id,
              regionPath: w.region.path,
              before: null,
              after: { ...snapshot(created), indicator: w.indicator.code, period: w.period },
            });
        }
      }
      await em.flush();
      if (summary) {
        // One entry for a whole import, scoped to the narrowest region that contains every row.
        const paths = writes.map((w) => w.region.path);
        events.push({
          action: summary.action,
          subjectType: 'Observation',
          subjectId: `import:${context.requestId}`.slice(0, 64),
          regionPath: commonPath(paths),
          before: null,
          after: {
            rows: summary.rows,
            periods,
            keys: writes.map((w) => `${w.region.code}|${w.period}|${w.indicator.code}`).slice(0, 1000),
          },
        });
      }
      return { result: { corrected }, events };
    });
    // The recomputation listens to these events (assessment-recomputation.listener.ts) and says which periods it did.
    return { recomputedPeriods: outcomes.get(RECOMPUTED_PERIODS) ?? [], corrected: result.corrected };
  }
}

function rejected(rowCount: number, errors: { line: number; reason: string }[]): ObservationImportReport {
  return { accepted: false, rowCount, written: 0, corrected: 0, errors, recomputedPeriods: [] };
}

/** The longest path that every path starts with, cut at a region boundary. */
export function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0];
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix || '/';
}
