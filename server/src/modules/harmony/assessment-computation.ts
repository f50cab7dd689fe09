import { harmony, previousPeriod } from '@massline/shared';

/**
 * The batch computation of assessments, in memory, from plain arrays: no database here, so it is tested
 * directly (and timed as a phase of its own by the benchmark). The maths is the shared one (`harmony.assessTable`); this file
 * decides which regions are compared with which:
 * - min-max and z-score compare the regions of the same level in the period;
 * - ranks are among siblings (same parent) in the period;
 * - a region with no observation of its own is rolled up from its children, by population;
 * - change is against the same region's previous period under the same methodology version.
 * Regions are numbered by their position in `regions`; every measure is a typed array by that number
 * (and by indicator, in the methodology's order), NaN for "none": 60,000 assessments are a few arrays
 * per period, not 60,000 objects, and are written to the database straight from them.
 */
export interface RegionNode {
  id: string;
  parentId: string | null;
  level: string;
}

/** What a batch is computed under: the methodology version's content and the region tree. */
export interface ComputationSettings {
  settings: harmony.MethodologySettings;
  alertRules: readonly harmony.AlertRule[];
  winsorise: boolean;
  regions: readonly RegionNode[];
}

export const NOT_ASSESSED = 0;
export const DIRECT = 1;
export const ROLLED_UP = 2;

/** One period's assessments: arrays by region (and region × indicator); `assessed` lists who has one. */
export interface PeriodAssessments {
  period: string;
  /** Positions of the regions assessed, ascending. */
  assessed: Int32Array;
  /** NOT_ASSESSED, DIRECT or ROLLED_UP. */
  method: Uint8Array;
  table: harmony.AssessmentTable;
  winsorised: Uint8Array;
  /** 0 = unranked. */
  rank: Int32Array;
  siblingCount: Int32Array;
  previousIndex: Float64Array;
  alerts: { region: number; alert: harmony.TriggeredAlert }[];
}

const { missingColumn, nullIfMissing } = harmony;

function emptyPeriod(period: string, regions: number, indicators: number): PeriodAssessments {
  const cells = regions * indicators;
  return {
    period,
    assessed: new Int32Array(0),
    method: new Uint8Array(regions),
    table: {
      rows: regions,
      indicators,
      raw: missingColumn(cells),
      scores: missingColumn(cells),
      effectiveWeights: missingColumn(cells),
      contributions: missingColumn(cells),
      pastRedLines: new Uint8Array(cells),
      index: missingColumn(regions),
      coverage: new Float64Array(regions),
      complete: new Uint8Array(regions),
      grades: new Array<harmony.GradeCode | null>(regions).fill(null),
    },
    winsorised: new Uint8Array(cells),
    rank: new Int32Array(regions),
    siblingCount: new Int32Array(regions),
    previousIndex: missingColumn(regions),
    alerts: [],
  };
}

/** Regions of one level with values of their own: assessed together (peers for min-max and z-score). */
function assessLevel(
  prepared: harmony.PreparedMethodology,
  winsorise: boolean,
  values: Float64Array,
  members: number[],
  into: PeriodAssessments,
): void {
  const k = prepared.codes.length;
  const raw = new Float64Array(members.length * k);
  members.forEach((region, m) => raw.set(values.subarray(region * k, region * k + k), m * k));
  const clipped = new Uint8Array(members.length * k);
  if (winsorise) {
    // Declared winsorisation (COINr): an indicator whose distribution is flagged gets its extreme points
    // clipped; each clipped value is flagged in the stored assessment.
    for (let c = 0; c < k; c++) {
      const column = members.map((_, m) => nullIfMissing(raw[m * k + c]));
      const result = harmony.winsorise(column);
      for (const point of result.winsorised) {
        raw[point.position * k + c] = result.values[point.position] ?? Number.NaN;
        clipped[point.position * k + c] = 1;
      }
    }
  }
  const table = harmony.assessTable(prepared, raw, members.length);
  const target = into.table;
  members.forEach((region, m) => {
    into.method[region] = DIRECT;
    target.index[region] = table.index[m];
    target.coverage[region] = table.coverage[m];
    target.complete[region] = table.complete[m];
    target.grades[region] = table.grades[m];
    const from = m * k;
    const to = region * k;
    target.raw.set(table.raw.subarray(from, from + k), to);
    target.scores.set(table.scores.subarray(from, from + k), to);
    target.effectiveWeights.set(table.effectiveWeights.subarray(from, from + k), to);
    target.contributions.set(table.contributions.subarray(from, from + k), to);
    target.pastRedLines.set(table.pastRedLines.subarray(from, from + k), to);
    into.winsorised.set(clipped.subarray(from, from + k), to);
  });
}

/**
 * Population-weighted roll-up of the children's indices (`harmony.rollUpByPopulation`) and, for the
 * breakdown, of their per-indicator figures. Returns false when no child with population has an index.
 */
function rollUp(
  prepared: harmony.PreparedMethodology,
  region: number,
  children: number[],
  population: Float64Array,
  into: PeriodAssessments,
): boolean {
  const target = into.table;
  const withPopulation = children.filter((child) => population[child] > 0);
  if (withPopulation.length === 0) return false;
  const result = harmony.rollUpByPopulation(
    withPopulation.map((child) => ({ code: String(child), index: nullIfMissing(target.index[child]), population: population[child] })),
    { coverageThreshold: prepared.coverageThreshold },
  );
  if (result.index === null) return false;
  const counted = result.included.map(Number);
  const k = prepared.codes.length;
  const mean = (measure: Float64Array, c: number) => {
    let sum = 0;
    let weight = 0;
    for (const child of counted) {
      const value = measure[child * k + c];
      if (Number.isNaN(value)) continue;
      sum += value * population[child];
      weight += population[child];
    }
    return weight > 0 ? sum / weight : Number.NaN;
  };
  into.method[region] = ROLLED_UP;
  target.index[region] = result.index;
  target.grades[region] = harmony.gradeWithin(result.index, prepared.gradeBands);
  target.coverage[region] = result.coverage;
  target.complete[region] = result.complete ? 1 : 0;
  for (let c = 0; c < k; c++) {
    const cell = region * k + c;
    target.raw[cell] = mean(target.raw, c);
    target.scores[cell] = mean(target.scores, c);
    target.effectiveWeights[cell] = mean(target.effectiveWeights, c);
    target.contributions[cell] = mean(target.contributions, c);
    target.pastRedLines[cell] = counted.some((child) => target.pastRedLines[child * k + c] === 1) ? 1 : 0;
  }
  return true;
}

/** The methodology checked once and the region tree laid out, for assessing period after period. */
export interface Computation {
  prepared: harmony.PreparedMethodology;
  alertRules: readonly harmony.AlertRule[];
  winsorise: boolean;
  regions: readonly RegionNode[];
  parentOf: Int32Array;
  childrenOf: number[][];
  /** Deepest first, so that a roll-up's children are settled (rolled up themselves) before it. */
  deepestFirst: number[];
}

export function prepareComputation(input: ComputationSettings): Computation {
  const prepared = harmony.prepareMethodology(input.settings);
  harmony.validateAlertRules(input.alertRules);
  const { regions } = input;
  const position = new Map(regions.map((region, i) => [region.id, i]));
  const parentOf = Int32Array.from(regions, (region) => (region.parentId === null ? -1 : (position.get(region.parentId) ?? -1)));
  const childrenOf = regions.map((): number[] => []);
  parentOf.forEach((parent, child) => parent >= 0 && childrenOf[parent].push(child));
  const depth = (region: number): number => (parentOf[region] < 0 ? 0 : 1 + depth(parentOf[region]));
  const depths = regions.map((_, i) => depth(i));
  const deepestFirst = regions.map((_, i) => i).sort((a, b) => depths[b] - depths[a]);
  return { prepared, alertRules: input.alertRules, winsorise: input.winsorise, regions, parentOf, childrenOf, deepestFirst };
}

/**
 * One period: regions with values of their own assessed directly (compared within their level), the
 * others rolled up from their children. Ranks, change and alerts come with `completeAssessments`.
 */
export function assessPeriod(
  computation: Computation,
  period: string,
  values: Float64Array | undefined,
  population: Float64Array | undefined,
): PeriodAssessments {
  const { prepared, regions } = computation;
  const k = prepared.codes.length;
  const result = emptyPeriod(period, regions.length, k);
  if (values) {
    const byLevel = new Map<string, number[]>();
    for (let region = 0; region < regions.length; region++) {
      let observed = false;
      for (let c = 0; c < k && !observed; c++) observed = !Number.isNaN(values[region * k + c]);
      if (!observed) continue;
      const level = regions[region].level;
      const members = byLevel.get(level);
      if (members) members.push(region);
      else byLevel.set(level, [region]);
    }
    for (const members of byLevel.values()) assessLevel(prepared, computation.winsorise, values, members, result);
  }
  const known = population ?? missingColumn(regions.length);
  for (const region of computation.deepestFirst) {
    if (result.method[region] !== NOT_ASSESSED) continue;
    const children = computation.childrenOf[region].filter((child) => result.method[child] !== NOT_ASSESSED);
    if (children.length > 0) rollUp(prepared, region, children, known, result);
  }
  return result;
}

/**
 * Ranks among siblings, change against the previous period (in the batch, else as stored) and the
 * alerts of the methodology's rules, once every period of the batch is assessed.
 */
export function completeAssessments(
  computation: Computation,
  results: readonly PeriodAssessments[],
  storedIndices: ReadonlyMap<string, Float64Array>,
): void {
  const { prepared, regions, parentOf } = computation;
  const k = prepared.codes.length;
  const byPeriod = new Map(results.map((result) => [result.period, result]));
  for (const result of results) {
    const { table, method } = result;
    const previous = previousPeriod(result.period).code;
    const previousIndex = byPeriod.get(previous)?.table.index ?? storedIndices.get(previous);
    const assessed: number[] = [];
    const siblings = new Map<number, number[]>();
    for (let region = 0; region < regions.length; region++) {
      if (method[region] === NOT_ASSESSED) continue;
      assessed.push(region);
      const group = siblings.get(parentOf[region]);
      if (group) group.push(region);
      else siblings.set(parentOf[region], [region]);
    }
    result.assessed = Int32Array.from(assessed);
    for (const group of siblings.values()) {
      const ranks = harmony.rankAmongSiblings(group.map((region) => nullIfMissing(table.index[region])));
      group.forEach((region, i) => {
        result.rank[region] = ranks[i] ?? 0;
        result.siblingCount[region] = group.length;
      });
    }
    result.alerts = [];
    for (const region of assessed) {
      result.previousIndex[region] = previousIndex ? previousIndex[region] : Number.NaN;
      // A roll-up raises no red line of its own: its children's alerts already say it.
      const pastRedLines: { code: string; rawValue: number | null; pastRedLine: boolean }[] = [];
      if (method[region] === DIRECT) {
        for (let c = 0; c < k; c++) {
          if (table.pastRedLines[region * k + c] === 1)
            pastRedLines.push({ code: prepared.codes[c], rawValue: nullIfMissing(table.raw[region * k + c]), pastRedLine: true });
        }
      }
      const alerts = harmony.evaluateAlertRules(computation.alertRules, {
        index: nullIfMissing(table.index[region]),
        grade: table.grades[region],
        previousIndex: nullIfMissing(result.previousIndex[region]),
        indicators: pastRedLines,
      });
      for (const alert of alerts) result.alerts.push({ region, alert });
    }
  }
}
