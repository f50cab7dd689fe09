import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { previousPeriod, statisticsFallbackChain, type harmony } from '@massline/shared';
import { sql } from '../../common/sql';
import { computeAssessments, type ComputedAssessment, type RegionNode } from './assessment-computation';

/**
 * Loads what a recomputation needs as plain rows and writes its results in bulk: one statement per
 * 5,000 assessments (jsonb_to_recordset), never one ORM round trip per row. Upserts keep an
 * assessment's id and publication; alerts are raised once (ON CONFLICT DO NOTHING).
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

export async function recomputeAssessments(em: EntityManager, version: VersionRow, periods: readonly string[]): Promise<ComputedAssessment[]> {
  if (periods.length === 0) return [];
  const regionRows = await sql<{ id: string; parent_id: string | null; level: string; path: string }>(em, 'select id, parent_id, level, path from region');
  const regions: RegionNode[] = regionRows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, depth: r.path.split('/').length - 2 }));

  const observationRows = await sql<{ region_id: string; period: string; codes: string[]; values: number[] }>(
    em,
    `select o.region_id, o.period, array_agg(i.code) as codes, array_agg(o.value) as values
       from observation o join indicator i on i.id = o.indicator_id
      where o.period = any(?) group by o.region_id, o.period`,
    [periods],
  );
  const values = new Map<string, Map<string, Record<string, number>>>();
  for (const row of observationRows) {
    const byRegion = values.get(row.period) ?? new Map<string, Record<string, number>>();
    const record: Record<string, number> = {};
    row.codes.forEach((code, i) => (record[code] = Number(row.values[i])));
    byRegion.set(row.region_id, record);
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
  await writeAssessments(em, version.id, computed);
  return computed;
}

async function writeAssessments(em: EntityManager, versionId: string, computed: ComputedAssessment[]): Promise<void> {
  for (let start = 0; start < computed.length; start += CHUNK) {
    const chunk = computed.slice(start, start + CHUNK);
    const rows = chunk.map((a) => ({
      id: randomUUID(),
      region_id: a.regionId,
      period: a.period,
      index: a.index,
      grade: a.grade,
      coverage: a.coverage,
      complete: a.complete,
      method: a.method,
      rank: a.rank,
      sibling_count: a.siblingCount,
      previous_index: a.previousIndex,
      scores: a.scores,
      missing: a.missing,
    }));
    await sql(
      em,
      `insert into assessment (id, methodology_version_id, region_id, period, index, grade, coverage, complete, method, rank,
                               sibling_count, previous_index, scores, missing, computed_at)
       select x.id, ?, x.region_id, x.period, x.index, x.grade, x.coverage, x.complete, x.method, x.rank,
              x.sibling_count, x.previous_index, x.scores, array(select jsonb_array_elements_text(x.missing)), now()
         from jsonb_to_recordset(?::jsonb) as x(id uuid, region_id uuid, period varchar, index double precision, grade text,
              coverage double precision, complete boolean, method text, rank int, sibling_count int, previous_index double precision,
              scores jsonb, missing jsonb)
       on conflict (methodology_version_id, region_id, period) do update set
         index = excluded.index, grade = excluded.grade, coverage = excluded.coverage, complete = excluded.complete,
         method = excluded.method, rank = excluded.rank, sibling_count = excluded.sibling_count,
         previous_index = excluded.previous_index, scores = excluded.scores, missing = excluded.missing, computed_at = excluded.computed_at`,
      [versionId, JSON.stringify(rows)],
    );
    const alerts = chunk.flatMap((a) =>
      a.alerts.map((alert) => ({ id: randomUUID(), region_id: a.regionId, period: a.period, kind: alert.kind, indicator_code: alert.indicatorCode ?? '', details: alert.details })),
    );
    if (alerts.length > 0) {
      await sql(
        em,
        `insert into alert (id, methodology_version_id, region_id, period, kind, indicator_code, details)
         select x.id, ?, x.region_id, x.period, x.kind, x.indicator_code, x.details
           from jsonb_to_recordset(?::jsonb) as x(id uuid, region_id uuid, period varchar, kind text, indicator_code varchar, details jsonb)
         on conflict on constraint alert_once do nothing`,
        [versionId, JSON.stringify(alerts)],
      );
    }
  }
}
