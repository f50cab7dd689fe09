import { harmony, previousPeriod } from '@massline/shared';
import type { AssessmentMethod } from './harmony-enums';

/**
 * The batch computation of assessments, in memory, from plain rows: no database here, so it is tested
 * directly and benchmarked on its own. The maths is the shared one (shared/src/domain/harmony); this file
 * decides which regions are compared with which:
 * - min-max and z-score compare the regions of the same level in the period;
 * - ranks are among siblings (same parent) in the period;
 * - a region with no observation of its own is rolled up from its children, by population;
 * - change is against the same region's previous period under the same methodology version.
 * Results are columnar (one array per measure, in the methodology's indicator order) so that 60,000
 * assessments stay cheap to hold and to write.
 */
export interface RegionNode {
  id: string;
  parentId: string | null;
  level: string;
  depth: number;
}

export interface ComputationInput {
  settings: harmony.MethodologySettings;
  alertRules: readonly harmony.AlertRule[];
  winsorise: boolean;
  regions: readonly RegionNode[];
  periods: readonly string[];
  /** period → region id → indicator code → value. */
  values: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, number>>>>;
  /** period → region id → population (for roll-up). */
  population: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Indices already stored for periods outside the batch: period → region id → index. */
  storedIndices: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
}

export interface ComputedAssessment {
  regionId: string;
  period: string;
  index: number | null;
  grade: harmony.GradeCode | null;
  coverage: number;
  complete: boolean;
  method: AssessmentMethod;
  rank: number | null;
  siblingCount: number;
  previousIndex: number | null;
  /** Per indicator, in the order of the methodology's indicators. */
  rawValues: (number | null)[];
  normalizedScores: (number | null)[];
  effectiveWeights: (number | null)[];
  contributions: (number | null)[];
  pastRedLines: boolean[];
  winsorised: boolean[];
  missing: string[];
  alerts: harmony.TriggeredAlert[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function emptyFrom(regionId: string, period: string, method: AssessmentMethod): ComputedAssessment {
  return {
    regionId,
    period,
    index: null,
    grade: null,
    coverage: 0,
    complete: false,
    method,
    rank: null,
    siblingCount: 0,
    previousIndex: null,
    rawValues: [],
    normalizedScores: [],
    effectiveWeights: [],
    contributions: [],
    pastRedLines: [],
    winsorised: [],
    missing: [],
    alerts: [],
  };
}

function assessLevelGroup(
  settings: harmony.MethodologySettings,
  winsorise: boolean,
  period: string,
  regionIds: string[],
  values: ReadonlyMap<string, Readonly<Record<string, number>>>,
): ComputedAssessment[] {
  const codes = settings.indicators.map((indicator) => indicator.code);
  let rows: harmony.RegionValues[] = regionIds.map((id) => ({ region: id, values: values.get(id)! }));
  const clipped = codes.map(() => new Set<number>());
  if (winsorise) {
    // Declared winsorisation (COINr): an indicator whose distribution is flagged gets its extreme points
    // clipped; each clipped value is flagged in the stored assessment.
    const columns = codes.map((code) => rows.map((row) => row.values[code] ?? null));
    columns.forEach((column, c) => {
      const result = harmony.winsorise(column);
      if (result.winsorised.length === 0) return;
      columns[c] = [...result.values];
      for (const point of result.winsorised) clipped[c].add(point.position);
    });
    rows = rows.map((row, r) => ({ region: row.region, values: Object.fromEntries(codes.map((code, c) => [code, columns[c][r]])) }));
  }
  const results = harmony.assessRegions(rows, settings);
  return results.map((result, r) => {
    const assessment = emptyFrom(regionIds[r], period, 'DIRECT');
    assessment.index = result.index;
    assessment.grade = result.grade;
    assessment.coverage = result.coverage;
    assessment.complete = result.complete;
    for (let c = 0; c < result.indicators.length; c++) {
      const indicator = result.indicators[c];
      assessment.rawValues.push(indicator.rawValue);
      assessment.normalizedScores.push(indicator.normalizedScore);
      assessment.effectiveWeights.push(indicator.effectiveWeight);
      assessment.contributions.push(indicator.contribution);
      assessment.pastRedLines.push(indicator.pastRedLine);
      assessment.winsorised.push(clipped[c].has(r));
    }
    assessment.missing = result.missing as string[];
    return assessment;
  });
}

/** Population-weighted roll-up of the children's indices and, for the breakdown, of their scores. */
function rollUp(
  settings: harmony.MethodologySettings,
  regionId: string,
  period: string,
  children: ComputedAssessment[],
  population: ReadonlyMap<string, number>,
): ComputedAssessment | null {
  const withPopulation = children.filter((child) => (population.get(child.regionId) ?? 0) > 0);
  if (withPopulation.length === 0) return null;
  const result = harmony.rollUpByPopulation(
    withPopulation.map((child) => ({ code: child.regionId, index: child.index, population: population.get(child.regionId)! })),
    { coverageThreshold: settings.coverageThreshold },
  );
  if (result.index === null) return null;
  const included = new Set(result.included);
  const counted = withPopulation.filter((child) => included.has(child.regionId));
  const mean = (pick: (child: ComputedAssessment) => number | null) => {
    let sum = 0;
    let weight = 0;
    for (const child of counted) {
      const value = pick(child);
      if (value === null || value === undefined) continue;
      sum += value * population.get(child.regionId)!;
      weight += population.get(child.regionId)!;
    }
    return weight > 0 ? sum / weight : null;
  };
  const assessment = emptyFrom(regionId, period, 'ROLLED_UP');
  assessment.index = result.index;
  assessment.grade = harmony.gradeFor(result.index, settings.gradeBands ?? harmony.DEFAULT_GRADE_BANDS);
  assessment.coverage = result.coverage;
  assessment.complete = result.complete;
  settings.indicators.forEach((indicator, c) => {
    assessment.rawValues.push(mean((child) => child.rawValues[c]));
    assessment.normalizedScores.push(mean((child) => child.normalizedScores[c]));
    assessment.effectiveWeights.push(mean((child) => child.effectiveWeights[c]));
    assessment.contributions.push(mean((child) => child.contributions[c]));
    assessment.pastRedLines.push(counted.some((child) => child.pastRedLines[c]));
    assessment.winsorised.push(false);
    if (assessment.normalizedScores[c] === null) assessment.missing.push(indicator.code);
  });
  return assessment;
}

export function computeAssessments(input: ComputationInput): ComputedAssessment[] {
  const { settings } = input;
  harmony.validateMethodologySettings(settings);
  harmony.validateAlertRules(input.alertRules);
  const codes = settings.indicators.map((indicator) => indicator.code);
  const known = new Set(codes);
  const childrenOf = new Map<string, RegionNode[]>();
  for (const region of input.regions) if (region.parentId) pushTo(childrenOf, region.parentId, region);
  const deepestFirst = [...input.regions].sort((a, b) => b.depth - a.depth);

  const byPeriod = new Map<string, Map<string, ComputedAssessment>>();
  for (const period of input.periods) {
    const values = input.values.get(period) ?? new Map<string, Readonly<Record<string, number>>>();
    const assessed = new Map<string, ComputedAssessment>();
    // Regions with at least one value of the methodology's indicators are assessed directly, by level.
    const byLevel = new Map<string, string[]>();
    for (const region of input.regions) {
      const own = values.get(region.id);
      if (!own) continue;
      // Values of indicators the methodology does not use are left out (the catalogue is larger).
      let relevant = false;
      for (const code in own) {
        if (known.has(code)) relevant = true;
      }
      if (relevant) pushTo(byLevel, region.level, region.id);
    }
    for (const regionIds of byLevel.values()) {
      const filtered = new Map(regionIds.map((id) => [id, pick(values.get(id)!, known)]));
      for (const assessment of assessLevelGroup(settings, input.winsorise, period, regionIds, filtered)) assessed.set(assessment.regionId, assessment);
    }
    // The others are rolled up from their children, deepest first so that grandchildren count.
    const population = input.population.get(period) ?? new Map<string, number>();
    for (const region of deepestFirst) {
      if (assessed.has(region.id)) continue;
      const children: ComputedAssessment[] = [];
      for (const child of childrenOf.get(region.id) ?? []) {
        const found = assessed.get(child.id);
        if (found) children.push(found);
      }
      if (children.length === 0) continue;
      const rolled = rollUp(settings, region.id, period, children, population);
      if (rolled) assessed.set(region.id, rolled);
    }
    byPeriod.set(period, assessed);
  }

  const parentOf = new Map(input.regions.map((region) => [region.id, region.parentId]));
  const computed: ComputedAssessment[] = [];
  for (const [period, assessed] of byPeriod) {
    const siblings = new Map<string | null, ComputedAssessment[]>();
    for (const assessment of assessed.values()) pushTo(siblings, parentOf.get(assessment.regionId) ?? null, assessment);
    const previous = previousPeriod(period).code;
    const previousInBatch = byPeriod.get(previous);
    const previousStored = input.storedIndices.get(previous);
    for (const group of siblings.values()) {
      const ranks = harmony.rankAmongSiblings(group.map((assessment) => assessment.index));
      group.forEach((assessment, i) => {
        assessment.rank = ranks[i];
        assessment.siblingCount = group.length;
        assessment.previousIndex = previousInBatch ? (previousInBatch.get(assessment.regionId)?.index ?? null) : (previousStored?.get(assessment.regionId) ?? null);
        assessment.alerts = harmony.evaluateAlertRules(input.alertRules, {
          index: assessment.index,
          grade: assessment.grade,
          previousIndex: assessment.previousIndex,
          // A roll-up raises no red line of its own: its children's alerts already say it.
          indicators: assessment.method === 'DIRECT' ? codes.map((code, c) => ({ code, rawValue: assessment.rawValues[c], pastRedLine: assessment.pastRedLines[c] })) : [],
        });
        computed.push(assessment);
      });
    }
  }
  return computed;
}

function pick(values: Readonly<Record<string, number>>, known: ReadonlySet<string>): Readonly<Record<string, number>> {
  for (const code in values) {
    if (!known.has(code)) return Object.fromEntries(Object.entries(values).filter(([key]) => known.has(key)));
  }
  return values;
}
