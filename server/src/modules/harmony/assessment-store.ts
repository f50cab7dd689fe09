import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { comparePeriods, harmony, previousPeriod, statisticsFallbackChain } from '@massline/shared';
import { BinaryCopyReader, BinaryCopyWriter, uuidBytes } from '../../common/copy-binary';
import { copyIn, copyOut, sql } from '../../common/sql';
import { figuresSize, packFigures } from './assessment-figures';
import {
  assessPeriod,
  completeAssessments,
  DIRECT,
  prepareComputation,
  type PeriodAssessments,
  type RegionNode,
} from './assessment-computation';

/**
 * A recomputation, in bulk and never one ORM round trip per row: observations are read in binary, a
 * few periods per statement; assessments are computed in memory (assessment-computation.ts) and sent
 * by one binary COPY, straight into `assessment` for a version's first computation, else into a
 * staging table merged by set-based statements (see `writeAssessments`).
 * The database and this process work at the same time: the next periods are read while the last ones
 * are computed, and the COPY ingests one period while the next is encoded. Runs in the caller's
 * transaction. A recomputed assessment keeps its publication; an alert is raised once per run of breaches (raiseAlerts).
 */
export interface VersionRow {
  id: string;
  settings: harmony.MethodologySettings;
  alert_rules: harmony.AlertRule[];
  winsorise: boolean;
}

const ALERT_CHUNK = 10_000;
/** Any number, the same for every recomputation (pg_advisory_xact_lock). */
const RECOMPUTATION_LOCK = 7_301_001;
/** Periods read per statement: enough to keep the database busy while the previous ones are computed. */
const PERIODS_PER_READ = 4;

export async function loadVersion(em: EntityManager, versionId: string | null): Promise<VersionRow | null> {
  const rows = versionId
    ? await sql<VersionRow>(em, 'select id, settings, alert_rules, winsorise from methodology_version where id = ?', [versionId])
    : await sql<VersionRow>(em, 'select id, settings, alert_rules, winsorise from methodology_version where active');
  return rows[0] ?? null;
}

/** Every period that has observations, in order. */
export async function observedPeriods(em: EntityManager): Promise<string[]> {
  const rows = await sql<{ period: string }>(em, 'select distinct period from observation order by period');
  return rows.map((row) => row.period);
}

/** The given periods, and the following ones whose change depends on them. */
export async function periodsAffectedBy(em: EntityManager, periods: readonly string[]): Promise<string[]> {
  const given = new Set(periods);
  const following = (await observedPeriods(em)).filter((period) => given.has(previousPeriod(period).code));
  return [...new Set([...periods, ...following])];
}

/**
 * Where a recomputation spends its time (ms), for the benchmark: waiting for reads, computing (while
 * the next read runs), sending to the staging table, merging into `assessment`, raising alerts.
 */
export type RecomputeTimings = Record<'read' | 'compute' | 'stage' | 'merge' | 'alerts', number>;

/** Adds the time since its last call to a phase. */
function stopwatch(timings: RecomputeTimings | undefined): (phase: keyof RecomputeTimings) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (timings) timings[phase] += now - last;
    last = now;
  };
}

/** Recomputes the version's assessments of the periods and stores them; returns how many there are. */
export async function recomputeAssessments(
  em: EntityManager,
  version: VersionRow,
  periods: readonly string[],
  timings?: RecomputeTimings,
): Promise<number> {
  if (periods.length === 0) return 0;
  const lap = stopwatch(timings);
  // One recomputation at a time, until commit: a concurrent one (another import, say) then reads what
  // this one wrote instead of computing from a snapshot that misses it.
  await sql(em, 'select pg_advisory_xact_lock(?)', [RECOMPUTATION_LOCK]);
  const codes = version.settings.indicators.map((indicator) => indicator.code);
  // Regions are numbered in the order of their ids, which is also the order assessments are written in.
  const regions = await sql<RegionNode>(em, 'select id, parent_id as "parentId", level from region order by id');
  const regionIds = regions.map((region) => region.id);
  const computation = prepareComputation({
    settings: version.settings,
    alertRules: version.alert_rules,
    winsorise: version.winsorise,
    regions,
  });
  const position = new Map(regions.map((region, i) => [region.id, i]));
  const population = await loadPopulation(em, periods, position);
  const storedIndices = await loadStoredIndices(em, version.id, periods, position);

  // Each read is sent when the connection is free, before the periods already read are computed.
  const batches: string[][] = [];
  for (let i = 0; i < periods.length; i += PERIODS_PER_READ) batches.push(periods.slice(i, i + PERIODS_PER_READ));
  const results: PeriodAssessments[] = [];
  let reading = readObservations(em, codes, batches[0], regionIds);
  for (let b = 0; b < batches.length; b++) {
    const values = await reading;
    lap('read');
    if (b + 1 < batches.length) {
      reading = readObservations(em, codes, batches[b + 1], regionIds);
      reading.catch(() => undefined); // awaited on the next turn, which reports its failure
    }
    for (const period of batches[b]) results.push(assessPeriod(computation, period, values.get(period), population.get(period)));
    lap('compute');
  }
  completeAssessments(computation, results, storedIndices);
  lap('compute');
  return writeAssessments(em, version.id, regions, codes.length, results, lap);
}

/**
 * Observations of the periods as matrices (regions × indicators, NaN = missing), read by binary COPY:
 * one row per period holding the cells (region number × k + indicator number) and the values as two
 * arrays, so 420,000 values arrive as 20 rows of bytes, not as rows or text to format and parse.
 * COPY takes no parameters: the regions (numbered as given, whatever was committed meanwhile), the
 * periods and the codes are written in as escaped literals.
 */
async function readObservations(
  em: EntityManager,
  codes: readonly string[],
  periods: readonly string[],
  regionIds: readonly string[],
): Promise<Map<string, Float64Array>> {
  const k = codes.length;
  const data = await copyOut(
    em,
    `copy (select o.period, array_agg(((r.n - 1) * ${k} + m.n - 1)::int), array_agg(o.value)
             from observation o
             join unnest(${arrayLiteral(regionIds)}::uuid[]) with ordinality as r(id, n) on r.id = o.region_id
             join indicator i on i.id = o.indicator_id
             join unnest(${arrayLiteral(codes)}::text[]) with ordinality as m(code, n) on m.code = i.code
            where o.period = any(${arrayLiteral(periods)}::text[])
            group by o.period)
     to stdout (format binary)`,
  );
  const values = new Map<string, Float64Array>();
  const reader = new BinaryCopyReader(data);
  while (reader.nextRow() > 0) {
    const period = reader.text()!;
    const cells = reader.int4Array()!;
    const numbers = reader.float8Array()!;
    const matrix = harmony.missingColumn(regionIds.length * k);
    for (let i = 0; i < cells.length; i++) matrix[cells[i]] = numbers[i];
    values.set(period, matrix);
  }
  return values;
}

/** A text[] literal for a statement that takes no parameters (COPY): quoted and escaped. */
function arrayLiteral(values: readonly string[]): string {
  const array = `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return `'${array.replace(/'/g, "''")}'`;
}

/** Rows by region number, one array per period (NaN where there is no row). */
function byRegion<T extends { region_id: string; period: string }>(
  rows: readonly T[],
  position: ReadonlyMap<string, number>,
  value: (row: T) => number,
) {
  const lists = new Map<string, Float64Array>();
  for (const row of rows) {
    let list = lists.get(row.period);
    if (!list) lists.set(row.period, (list = harmony.missingColumn(position.size)));
    list[position.get(row.region_id)!] = value(row);
  }
  return lists;
}

/** Population for roll-ups: the most specific statistics available (month, then quarter, then year). */
async function loadPopulation(
  em: EntityManager,
  periods: readonly string[],
  position: ReadonlyMap<string, number>,
): Promise<Map<string, Float64Array>> {
  const chains = new Map(periods.map((period) => [period, statisticsFallbackChain(period)]));
  const rows = await sql<{ region_id: string; period: string; population: number }>(
    em,
    'select region_id, period, population from region_statistics where period = any(?)',
    [[...new Set([...chains.values()].flat())]],
  );
  const statistics = byRegion(rows, position, (row) => row.population);
  const population = new Map<string, Float64Array>();
  for (const [period, chain] of chains) {
    const list = harmony.missingColumn(position.size);
    for (const statisticsPeriod of [...chain].reverse()) {
      const known = statistics.get(statisticsPeriod);
      if (known) for (let i = 0; i < list.length; i++) if (!Number.isNaN(known[i])) list[i] = known[i];
    }
    population.set(period, list);
  }
  return population;
}

/** Change against a previous period outside the batch reads its stored index. */
async function loadStoredIndices(
  em: EntityManager,
  versionId: string,
  periods: readonly string[],
  position: ReadonlyMap<string, number>,
): Promise<Map<string, Float64Array>> {
  const outside = [...new Set(periods.map((period) => previousPeriod(period).code))].filter((p) => !periods.includes(p));
  if (outside.length === 0) return new Map();
  const rows = await sql<{ region_id: string; period: string; index: number | null }>(
    em,
    'select region_id, period, index from assessment where methodology_version_id = ? and period = any(?)',
    [versionId, outside],
  );
  return byRegion(rows, position, (row) => row.index ?? Number.NaN);
}

const COLUMNS =
  'methodology_version_id, region_id, period, index, grade, coverage, complete, method, rank, sibling_count, previous_index, figures';

/** Sends the results to a `COPY <table> (COLUMNS) FROM STDIN`, one period at a time; returns the rows copied. */
function copyResults(
  em: EntityManager,
  table: string,
  versionId: string,
  regions: readonly RegionNode[],
  k: number,
  results: readonly PeriodAssessments[],
): Promise<number> {
  const version = uuidBytes(versionId);
  const regionIds = regions.map((region) => uuidBytes(region.id));
  const size = figuresSize(k);
  return copyIn(em, `copy ${table} (${COLUMNS}) from stdin (format binary)`, async (send) => {
    const writer = new BinaryCopyWriter();
    for (const { period, assessed, method, table: figures, winsorised, rank, siblingCount, previousIndex } of results) {
      const columns = { ...figures, winsorised };
      for (const region of assessed) {
        writer
          .row(12)
          .uuid(version)
          .uuid(regionIds[region])
          .text(period)
          .float8(figures.index[region])
          .text(figures.grades[region])
          .float8(figures.coverage[region])
          .bool(figures.complete[region] === 1)
          .text(method[region] === DIRECT ? 'DIRECT' : 'ROLLED_UP')
          .int4(rank[region] || null)
          .int4(siblingCount[region])
          .float8(previousIndex[region])
          .bytea(size, (target, offset) => packFigures(columns, region * k, k, target, offset));
      }
      // One period at a time: the server ingests it while the next is encoded.
      for (const chunk of writer.take()) await send(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const chunk of writer.finish()) await send(chunk);
  });
}

/**
 * Stores the results. A version computed for the first time for these periods gets them by COPY
 * straight into `assessment`. Otherwise they go by COPY into a staging table and are merged in
 * set-based SQL: the assessments that exist are updated in place (the table keeps free room on its
 * pages for it, see its migration), new ones inserted, those that can no longer be computed (their
 * observations are gone) deleted. Updating in place keeps `published` and leaves the indexes alone:
 * measured on 60,000 assessments, half the cost of deleting and re-inserting them.
 */
async function writeAssessments(
  em: EntityManager,
  versionId: string,
  regions: readonly RegionNode[],
  k: number,
  results: readonly PeriodAssessments[],
  lap: (phase: keyof RecomputeTimings) => void,
): Promise<number> {
  const periods = results.map((result) => result.period);
  const [{ stored }] = await sql<{ stored: number }>(
    em,
    'select count(*)::int as stored from assessment where methodology_version_id = ? and period = any(?)',
    [versionId, periods],
  );
  let written: number;
  if (stored === 0) {
    written = await copyResults(em, 'assessment', versionId, regions, k, results);
    lap('stage');
  } else {
    await sql(em, 'create temp table if not exists assessment_staging (like assessment including defaults) on commit drop');
    // Its statistics (below) need only the row count and the one version: a sample of 300 rows, not 30,000.
    await sql(em, 'alter table assessment_staging alter column methodology_version_id set statistics 1');
    await sql(em, 'truncate assessment_staging');
    written = await copyResults(em, 'assessment_staging', versionId, regions, k, results);
    // Without statistics the planner takes the staging table for a few hundred rows and probes the key
    // index once per row (measured: 0.6 s, against 0.17 s for the hash join it plans with them).
    await sql(em, 'analyze assessment_staging (methodology_version_id)');
    lap('stage');
    const sameKey = 'a.methodology_version_id = s.methodology_version_id and a.period = s.period and a.region_id = s.region_id';
    const [{ updated }] = await sql<{ updated: number }>(
      em,
      `with updated as (
         update assessment a set index = s.index, grade = s.grade, coverage = s.coverage, complete = s.complete, method = s.method, rank = s.rank,
                sibling_count = s.sibling_count, previous_index = s.previous_index, figures = s.figures, computed_at = s.computed_at
           from assessment_staging s where a.methodology_version_id = ? and a.period = any(?) and ${sameKey}
         returning 1)
       select count(*)::int as updated from updated`,
      [versionId, periods],
    );
    if (updated < written) {
      await sql(
        em,
        `insert into assessment (${COLUMNS}, computed_at) select ${COLUMNS}, computed_at from assessment_staging on conflict do nothing`,
      );
    }
    if (stored > updated) {
      await sql(
        em,
        `delete from assessment a where a.methodology_version_id = ? and a.period = any(?) and not exists (select 1 from assessment_staging s where ${sameKey})`,
        [versionId, periods],
      );
    }
  }
  lap('merge');

  await raiseAlerts(em, versionId, regions, results);
  lap('alerts');
  return written;
}

/** The breaches of one region and rule in a recomputation: every period with its figure, oldest first. */
interface AlertRun {
  regionId: string;
  kind: harmony.AlertKind;
  indicatorCode: string;
  entries: { period: string; value: number | null }[];
  /** The figures of the latest period. */
  details: Readonly<Record<string, number | string | null>>;
}

/** The triggered alerts of the results, as one run per region and rule. */
function alertRuns(regions: readonly RegionNode[], results: readonly PeriodAssessments[]): AlertRun[] {
  const runs = new Map<string, AlertRun>();
  for (const result of [...results].sort((a, b) => comparePeriods(a.period, b.period))) {
    for (const { region, alert } of result.alerts) {
      const indicatorCode = alert.indicatorCode ?? '';
      const key = `${region}:${alert.kind}:${indicatorCode}`;
      let run = runs.get(key);
      if (!run)
        runs.set(key, (run = { regionId: regions[region].id, kind: alert.kind, indicatorCode, entries: [], details: alert.details }));
      run.entries.push({ period: result.period, value: harmony.alertValue(alert.kind, alert.details) });
      run.details = alert.details;
    }
  }
  return [...runs.values()];
}

/**
 * Raises or extends alerts, set-based, a chunk of runs per statement. A region and rule with an
 * unresolved alert (open or acknowledged) gets its new periods added to that alert — it is not raised
 * again as new; one without gets a new alert. Periods up to the last one of a resolved alert of the
 * same region and rule were dealt with and are not raised again (a recomputation of an old quarter);
 * later ones raise a new alert. The unique index on unresolved alerts keeps one per region and rule.
 */
async function raiseAlerts(em: EntityManager, versionId: string, regions: readonly RegionNode[], results: readonly PeriodAssessments[]) {
  const runs = alertRuns(regions, results);
  const sameRule = (a: string, b: string) =>
    `${a}.methodology_version_id = ? and ${a}.region_id = ${b}.region_id and ${a}.kind = ${b}.kind and ${a}.indicator_code = ${b}.indicator_code`;
  const ownValue = `jsonb_build_object('period', a.period, 'value', coalesce(case when a.kind = 'RED_LINE' then a.details->'value' else a.details->'index' end, 'null'::jsonb))`;
  for (let start = 0; start < runs.length; start += ALERT_CHUNK) {
    const chunk = runs.slice(start, start + ALERT_CHUNK);
    await sql(
      em,
      `with x as (
         select x.region_id, x.kind, x.indicator_code, x.entries::jsonb as entries, x.details::jsonb as details
           from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(region_id, kind, indicator_code, entries, details)),
       fresh as (
         select x.region_id, x.kind, x.indicator_code, x.details,
                (select jsonb_agg(e order by e->>'period') from jsonb_array_elements(x.entries) e
                  where e->>'period' > coalesce((select max(r.period) from alert r where ${sameRule('r', 'x')} and r.status = 'RESOLVED'), '')) as entries
           from x),
       extended as (
         update alert a set
                history = (select jsonb_agg(d.e order by d.e->>'period') from (
                             select distinct on (s.e->>'period') s.e from (
                               select e, 0 as older from jsonb_array_elements(f.entries) e
                               union all
                               select e, 1 from jsonb_array_elements(case when a.history = '[]'::jsonb then jsonb_build_array(${ownValue}) else a.history end) e) s
                             order by s.e->>'period', s.older) d),
                first_period = least(coalesce(a.first_period, a.period), f.entries->0->>'period'),
                period = greatest(a.period, f.entries->-1->>'period'),
                details = case when f.entries->-1->>'period' >= a.period then f.details else a.details end
           from fresh f
          where f.entries is not null and ${sameRule('a', 'f')} and a.status <> 'RESOLVED'
         returning a.region_id, a.kind, a.indicator_code)
       insert into alert (id, methodology_version_id, region_id, period, first_period, kind, indicator_code, details, history)
       select gen_random_uuid(), ?, f.region_id, f.entries->-1->>'period', f.entries->0->>'period', f.kind, f.indicator_code, f.details, f.entries
         from fresh f
        where f.entries is not null
          and not exists (select 1 from extended e where e.region_id = f.region_id and e.kind = f.kind and e.indicator_code = f.indicator_code)
       on conflict do nothing`,
      [
        chunk.map((run) => run.regionId),
        chunk.map((run) => run.kind),
        chunk.map((run) => run.indicatorCode),
        chunk.map((run) => JSON.stringify(run.entries)),
        chunk.map((run) => JSON.stringify(run.details)),
        versionId,
        versionId,
        versionId,
      ],
    );
  }
}
