import { harmony, previousPeriod } from '@massline/shared';
import type { StoredScore } from './assessment.entity';
import type { AssessmentMethod } from './harmony-enums';

/**
 * The batch computation of assessments, in memory, from plain rows: no database here, so it is tested
 * directly and benchmarked on its own. The maths is the shared one (shared/src/domain/harmony); this file
 * decides which regions are compared with which:
 * - min-max and z-score compare the regions of the same level in the period;
 * - ranks are among siblings (same parent) in the period;
 * - a region with no observation of its own is rolled up from its children, by population;
 * - change is against the same region's previous period under the same methodology version.
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
  scores: StoredScore[];
  missing: string[];
  alerts: harmony.TriggeredAlert[];
}

type Draft = Omit<ComputedAssessment, 'rank' | 'siblingCount' | 'previousIndex' | 'alerts'>;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function assessLevelGroup(settings: harmony.MethodologySettings, winsorise: boolean, period: string, regionIds: string[], values: ReadonlyMap<string, Readonly<Record<string, number>>>): Draft[] {
  const codes = settings.indicators.map((indicator) => indicator.code);
  const columns = codes.map((code) => regionIds.map((id) => values.get(id)?.[code] ?? null));
  const clipped = columns.map(() => new Set<number>());
  if (winsorise) {
    // Declared winsorisation (COINr): an indicator whose distribution is flagged gets its extreme points
    // clipped; each clipped value is flagged in the stored scores.
    columns.forEach((column, c) => {
      const result = harmony.winsorise(column);
      if (result.winsorised.length === 0) return;
      columns[c] = [...result.values];
      for (const point of result.winsorised) clipped[c].add(point.position);
    });
  }
  const results = harmony.assessRegions(
    regionIds.map((id, r) => ({ region: id, values: Object.fromEntries(codes.map((code, c) => [code, columns[c][r]])) })),
    settings,
  );
  return results.map((result, r) => ({
    regionId: regionIds[r],
    period,
    index: result.index,
    grade: result.grade,
    coverage: result.coverage,
    complete: result.complete,
    method: 'DIRECT' as const,
    scores: result.indicators.map((indicator, c) => ({ ...indicator, winsorised: clipped[c].has(r) })),
    missing: [...result.missing],
  }));
}

/** Population-weighted roll-up of the children's indices and, for the breakdown, of their scores. */
function rollUp(settings: harmony.MethodologySettings, regionId: string, period: string, children: Draft[], population: ReadonlyMap<string, number>): Draft | null {
  const withPopulation = children.filter((child) => (population.get(child.regionId) ?? 0) > 0);
  if (withPopulation.length === 0) return null;
  const result = harmony.rollUpByPopulation(
    withPopulation.map((child) => ({ code: child.regionId, index: child.index, population: population.get(child.regionId)! })),
    { coverageThreshold: settings.coverageThreshold },
  );
  if (result.index === null) return null;
  const included = new Set(result.included);
  const counted = withPopulation.filter((child) => included.has(child.regionId));
  const total = counted.reduce((sum, child) => sum + population.get(child.regionId)!, 0);
  const mean = (pick: (score: StoredScore) => number | null, code: string) => {
    let sum = 0;
    let weight = 0;
    for (const child of counted) {
      const value = pick(child.scores.find((score) => score.code === code)!);
      if (value === null) continue;
      sum += value * population.get(child.regionId)!;
      weight += population.get(child.regionId)!;
    }
    return weight > 0 ? sum / weight : null;
  };
  const scores = settings.indicators.map((indicator) => ({
    code: indicator.code,
    rawValue: mean((s) => s.rawValue, indicator.code),
    normalizedScore: mean((s) => s.normalizedScore, indicator.code),
    weight: indicator.weight,
    effectiveWeight: mean((s) => s.effectiveWeight, indicator.code),
    contribution: mean((s) => s.contribution, indicator.code),
    pastRedLine: counted.some((child) => child.scores.find((score) => score.code === indicator.code)?.pastRedLine),
    winsorised: false,
  }));
  return {
    regionId,
    period,
    index: result.index,
    grade: harmony.gradeFor(result.index, settings.gradeBands ?? harmony.DEFAULT_GRADE_BANDS),
    coverage: total > 0 ? result.coverage : 0,
    complete: result.complete,
    method: 'ROLLED_UP',
    scores,
    missing: scores.filter((score) => score.normalizedScore === null).map((score) => score.code),
  };
}

export function computeAssessments(input: ComputationInput): ComputedAssessment[] {
  const { settings } = input;
  harmony.validateMethodologySettings(settings);
  harmony.validateAlertRules(input.alertRules);
  const known = new Set(settings.indicators.map((indicator) => indicator.code));
  const childrenOf = new Map<string, RegionNode[]>();
  for (const region of input.regions) {
    if (region.parentId) pushTo(childrenOf, region.parentId, region);
  }
  const deepestFirst = [...input.regions].sort((a, b) => b.depth - a.depth);

  const byPeriod = new Map<string, Map<string, Draft>>();
  for (const period of input.periods) {
    const values = input.values.get(period) ?? new Map<string, Readonly<Record<string, number>>>();
    const drafts = new Map<string, Draft>();
    // Regions with at least one value of the methodology's indicators are assessed directly, by level.
    const byLevel = new Map<string, string[]>();
    for (const region of input.regions) {
      const own = values.get(region.id);
      if (own && Object.keys(own).some((code) => known.has(code))) pushTo(byLevel, region.level, region.id);
    }
    for (const regionIds of byLevel.values()) {
      for (const draft of assessLevelGroup(settings, input.winsorise, period, regionIds, values)) drafts.set(draft.regionId, draft);
    }
    // The others are rolled up from their children, deepest first so that grandchildren count.
    const population = input.population.get(period) ?? new Map<string, number>();
    for (const region of deepestFirst) {
      if (drafts.has(region.id)) continue;
      const children = (childrenOf.get(region.id) ?? []).map((child) => drafts.get(child.id)).filter((d): d is Draft => d !== undefined);
      if (children.length === 0) continue;
      const rolled = rollUp(settings, region.id, period, children, population);
      if (rolled) drafts.set(region.id, rolled);
    }
    byPeriod.set(period, drafts);
  }

  const parentOf = new Map(input.regions.map((region) => [region.id, region.parentId]));
  const computed: ComputedAssessment[] = [];
  for (const [period, drafts] of byPeriod) {
    const siblings = new Map<string | null, Draft[]>();
    for (const draft of drafts.values()) {
      pushTo(siblings, parentOf.get(draft.regionId) ?? null, draft);
    }
    const previous = previousPeriod(period).code;
    for (const group of siblings.values()) {
      const ranks = harmony.rankAmongSiblings(group.map((draft) => draft.index));
      group.forEach((draft, i) => {
        const previousIndex = byPeriod.has(previous)
          ? (byPeriod.get(previous)!.get(draft.regionId)?.index ?? null)
          : (input.storedIndices.get(previous)?.get(draft.regionId) ?? null);
        const alerts = harmony.evaluateAlertRules(input.alertRules, {
          index: draft.index,
          grade: draft.grade,
          previousIndex,
          indicators: draft.method === 'DIRECT' ? draft.scores : [],
        });
        computed.push({ ...draft, rank: ranks[i], siblingCount: group.length, previousIndex, alerts });
      });
    }
  }
  return computed;
}
