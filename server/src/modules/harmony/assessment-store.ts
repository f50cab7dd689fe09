import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { previousPeriod, statisticsFallbackChain, type harmony } from '@massline/shared';
import { sql } from '../../common/sql';
import { computeAssessments, type ComputedAssessment, type RegionNode } from './assessment-computation';

/**
 * Loads what a recomputation needs as plain rows and writes its results in bulk: one statement per
 * 5,000 assessments (unnest of one array per column), never one ORM round trip per row. A recomputed
 * assessment keeps its publication; alerts are raised once (ON CONFLICT DO NOTHING).
 */
export interface VersionRow {
  id: string;
  settings: harmony.MethodologySettings;
  alert_rules: harmony.AlertRule[];
  winsorise: boolean;
}

const CHUNK = 5000;

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

/** Where a recomputation spends its time (ms), for the benchmark. */
export interface RecomputeTimings {
  load: number;
  compute: number;
  write: number;
}

export async function recomputeAssessments(
  em: EntityManager,
  version: VersionRow,
  periods: readonly string[],
  timings?: RecomputeTimings,
): Promise<ComputedAssessment[]> {
  if (periods.length === 0) return [];
  const started = performance.now();
  const regionRows = await sql<{ id: string; parent_id: string | null; level: string; path: string }>(em, 'select id, parent_id, level, path from region');
  const regions: RegionNode[] = regionRows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, depth: r.path.split('/').length - 2 }));

  // One row per period, its observations in one string: 420,000 values arrive as 20 rows, parsed with
  // split(), rather than as 420,000 rows or 60,000 rows of arrays (measured: 4× faster).
  const observationRows = await sql<{ period: string; data: string }>(
    em,
    `select o.period, string_agg(o.region_id::text || ' ' || i.code || ' ' || o.value::text, ',') as data
       from observation o join indicator i on i.id = o.indicator_id
      where o.period = any(?) group by o.period`,
    [periods],
  );
  const values = new Map<string, Map<string, Record<string, number>>>();
  for (const row of observationRows) {
    const byRegion = new Map<string, Record<string, number>>();
    for (const item of row.data.split(',')) {
      const [regionId, code, value] = item.split(' ');
      let record = byRegion.get(regionId);
      if (!record) byRegion.set(regionId, (record = {}));
      record[code] = Number(value);
    }
    values.set(row.period, byRegion);
  }

  // Population for roll-ups: the most specific statistics available (month, then quarter, then year).
  const chains = new Map(periods.map((period) => [period, statisticsFallbackChain(period)]));
  const statisticsRows = await sql<{ region_id: string; period: string; population: number }>(
    em,
    'select region_id, period, population from region_statistics where period = any(?)',
    [[...new Set([...chains.values()].flat())]],
  );
  const statistics = new Map<string, number>(statisticsRows.map((row) => [`${row.region_id}|${row.period}`, row.population]));
  const population = new Map<string, Map<string, number>>();
  for (const [period, chain] of chains) {
    const byRegion = new Map<string, number>();
    for (const region of regions) {
      const found = chain.map((p) => statistics.get(`${region.id}|${p}`)).find((n) => n !== undefined);
      if (found !== undefined) byRegion.set(region.id, found);
    }
    population.set(period, byRegion);
  }

  const outside = [...new Set(periods.map((period) => previousPeriod(period).code))].filter((p) => !periods.includes(p));
  const storedIndices = new Map<string, Map<string, number | null>>();
  if (outside.length > 0) {
    const stored = await sql<{ region_id: string; period: string; index: number | null }>(
      em,
      'select region_id, period, index from assessment where methodology_version_id = ? and period = any(?)',
      [version.id, outside],
    );
    for (const row of stored) {
      const byRegion = storedIndices.get(row.period) ?? new Map<string, number | null>();
      byRegion.set(row.region_id, row.index);
      storedIndices.set(row.period, byRegion);
    }
  }

  const loaded = performance.now();
  const computed = computeAssessments({
    settings: version.settings,
    alertRules: version.alert_rules,
    winsorise: version.winsorise,
    regions,
    periods,
    values,
    population,
    storedIndices,
  });
  const done = performance.now();
  await writeAssessments(em, version.id, computed);
  if (timings) Object.assign(timings, { load: loaded - started, compute: done - loaded, write: performance.now() - done });
  return computed;
}

/** A PostgreSQL array literal of one row's measures, cast per row in SQL: cheap to send and to parse. */
const arrayLiteral = (values: readonly (number | boolean | string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'boolean' ? (v ? 't' : 'f') : typeof v === 'string' ? `"${v.replace(/["\\]/g, '\\$&')}"` : String(v))).join(',')}}`;

async function writeAssessments(em: EntityManager, versionId: string, computed: ComputedAssessment[]): Promise<void> {
  // Replace rather than upsert: deleting a batch's periods and inserting anew fills fresh pages, where
  // 60,000 ON CONFLICT updates churned through dead row versions (measured: several times slower).
  // What was published stays published.
  const periods = [...new Set(computed.map((a) => a.period))];
  const published = new Set(
    (
      await sql<{ key: string }>(
        em,
        `delete from assessment where methodology_version_id = ? and period = any(?) returning case when published then region_id::text || '|' || period end as key`,
        [versionId, periods],
      )
    ).map((row) => row.key),
  );
  for (let start = 0; start < computed.length; start += CHUNK) {
    const chunk = computed.slice(start, start + CHUNK);
    const column = <T>(pick: (a: ComputedAssessment) => T) => chunk.map(pick);
    await sql(
      em,
      `insert into assessment (id, methodology_version_id, region_id, period, index, grade, coverage, complete, method, rank, sibling_count,
                               previous_index, raw_values, normalized_scores, effective_weights, contributions, past_red_lines, winsorised,
                               missing, published, computed_at)
       select gen_random_uuid(), ?, x.region_id, x.period, x.index, x.grade, x.coverage, x.complete, x.method, x.rank, x.sibling_count,
              x.previous_index, x.raw_values::float8[], x.normalized_scores::float8[], x.effective_weights::float8[], x.contributions::float8[],
              x.past_red_lines::boolean[], x.winsorised::boolean[], x.missing::text[], x.published, now()
         from unnest(?::uuid[], ?::text[], ?::float8[], ?::text[], ?::float8[], ?::boolean[], ?::text[], ?::int[], ?::int[], ?::float8[],
                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
           as x(region_id, period, index, grade, coverage, complete, method, rank, sibling_count, previous_index,
                raw_values, normalized_scores, effective_weights, contributions, past_red_lines, winsorised, missing, published)`,
      [
        versionId,
        column((a) => a.regionId),
        column((a) => a.period),
        column((a) => a.index),
        column((a) => a.grade),
        column((a) => a.coverage),
        column((a) => a.complete),
        column((a) => a.method),
        column((a) => a.rank),
        column((a) => a.siblingCount),
        column((a) => a.previousIndex),
        column((a) => arrayLiteral(a.rawValues)),
        column((a) => arrayLiteral(a.normalizedScores)),
        column((a) => arrayLiteral(a.effectiveWeights)),
        column((a) => arrayLiteral(a.contributions)),
        column((a) => arrayLiteral(a.pastRedLines)),
        column((a) => arrayLiteral(a.winsorised)),
        column((a) => arrayLiteral(a.missing)),
        column((a) => published.has(`${a.regionId}|${a.period}`)),
      ],
    );
    const alerts = chunk.flatMap((a) => a.alerts.map((alert) => ({ regionId: a.regionId, period: a.period, alert })));
    if (alerts.length > 0) {
      await sql(
        em,
        `insert into alert (id, methodology_version_id, region_id, period, kind, indicator_code, details)
         select gen_random_uuid(), ?, x.region_id, x.period, x.kind, x.indicator_code, x.details::jsonb
           from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(region_id, period, kind, indicator_code, details)
         on conflict on constraint alert_once do nothing`,
        [
          versionId,
          alerts.map((a) => a.regionId),
          alerts.map((a) => a.period),
          alerts.map((a) => a.alert.kind),
          alerts.map((a) => a.alert.indicatorCode ?? ''),
          alerts.map((a) => JSON.stringify(a.alert.details)),
        ],
      );
    }
  }
}
