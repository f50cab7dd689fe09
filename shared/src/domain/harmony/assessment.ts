/**
 * One call from raw indicator values to an assessment: normalize each indicator as the methodology
 * says, aggregate, grade (PRODUCT.md, "Assessment"). The server and the console both call this, so
 * a figure shown in the console is the figure the server stored.
 */
import { aggregate, DEFAULT_COVERAGE_THRESHOLD, type AggregationMethod } from './aggregation';
import { HarmonyMathError, requireFinite, requireThreshold, requireUniqueCodes } from './errors';
import { DEFAULT_GRADE_BANDS, gradeFor, validateGradeBands, type GradeBand, type GradeCode } from './grades';
import { DEFAULT_INDICATORS, isPastRedLine, type IndicatorDirection } from './indicators';
import {
  minMaxScore,
  minMaxStatistics,
  normalizeGoalposts,
  validateGoalposts,
  zScoreOnScale,
  zScoreStatistics,
  type NormalizationScale,
} from './normalization';
import { rankAmongSiblings } from './rollup';

export type NormalizationSetting =
  | { readonly kind: 'GOALPOSTS'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'MIN_MAX' }
  | { readonly kind: 'Z_SCORE' };

export type NormalizationKind = NormalizationSetting['kind'];

export interface IndicatorSetting {
  readonly code: string;
  readonly direction: IndicatorDirection;
  readonly weight: number;
  readonly normalization: NormalizationSetting;
  readonly redLine?: number | null;
}

export interface MethodologySettings {
  readonly indicators: readonly IndicatorSetting[];
  readonly aggregation: AggregationMethod;
  readonly gradeBands?: readonly GradeBand[];
  /** Minimum share of weight present for a complete assessment (default 0.65). */
  readonly coverageThreshold?: number;
}

/** Raw values of one region and period by indicator code; null or absent = missing. */
export type IndicatorValues = Readonly<Record<string, number | null | undefined>>;

export interface AssessRegionInput {
  readonly values: IndicatorValues;
  readonly settings: MethodologySettings;
  /**
   * For MIN_MAX and Z_SCORE indicators: the period's values of every region compared, THIS REGION
   * INCLUDED, by indicator code. Not needed for goalposts.
   */
  readonly peerValues?: Readonly<Record<string, readonly (number | null)[]>>;
}

export interface IndicatorAssessment {
  readonly code: string;
  readonly rawValue: number | null;
  readonly normalizedScore: number | null;
  readonly weight: number;
  readonly effectiveWeight: number | null;
  readonly contribution: number | null;
  readonly pastRedLine: boolean;
}

export interface AssessmentResult {
  readonly index: number | null;
  readonly grade: GradeCode | null;
  readonly indicators: readonly IndicatorAssessment[];
  readonly missing: readonly string[];
  readonly coverage: number;
  readonly complete: boolean;
  readonly aggregation: AggregationMethod;
  readonly scale: NormalizationScale;
}

/**
 * The starting methodology: the seven default indicators, goalposts, equal weights (the OECD/JRC
 * Handbook's default absent a reasoned alternative), arithmetic aggregation, default bands, 65 %.
 */
export function defaultMethodologySettings(): MethodologySettings {
  const weight = 1 / DEFAULT_INDICATORS.length;
  return {
    indicators: DEFAULT_INDICATORS.map((indicator) => ({
      code: indicator.code,
      direction: indicator.direction,
      weight,
      normalization: { kind: 'GOALPOSTS', lower: indicator.goalposts.lower, upper: indicator.goalposts.upper },
      redLine: indicator.redLine,
    })),
    aggregation: 'ARITHMETIC',
    gradeBands: DEFAULT_GRADE_BANDS,
    coverageThreshold: DEFAULT_COVERAGE_THRESHOLD,
  };
}

/** Geometric aggregation takes logarithms: it gets scores on 1–100, everything else on 0–100. */
export function scaleFor(aggregation: AggregationMethod): NormalizationScale {
  return aggregation === 'GEOMETRIC' ? 'ONE_TO_HUNDRED' : 'ZERO_TO_HUNDRED';
}

/** Checks a methodology once, so that a bad one is refused before any region is assessed. */
export function validateMethodologySettings(settings: MethodologySettings): void {
  if (settings.indicators.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'a methodology needs indicators');
  requireUniqueCodes(
    settings.indicators.map(({ code }) => code),
    'methodology indicators',
  );
  for (const indicator of settings.indicators) {
    if (indicator.normalization.kind === 'GOALPOSTS') validateGoalposts(indicator.normalization);
    if (indicator.redLine !== null && indicator.redLine !== undefined)
      requireFinite(indicator.redLine, `red line of ${indicator.code}`);
  }
  validateGradeBands(settings.gradeBands ?? DEFAULT_GRADE_BANDS);
  requireThreshold(settings.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD, 'coverage threshold');
  // Weights are validated by the aggregation, with the same rule for every caller.
}

function normalizedScore(
  indicator: IndicatorSetting,
  value: number | null,
  scale: NormalizationScale,
  peers: readonly (number | null)[] | undefined,
): number | null {
  const { normalization, direction, code } = indicator;
  if (normalization.kind === 'GOALPOSTS') return normalizeGoalposts(value, normalization, direction, scale);
  if (value === null) return null;
  if (peers === undefined) {
    throw new HarmonyMathError(
      'MISSING_PEER_VALUES',
      `${code} is normalized by ${normalization.kind} across regions: the period's values of every region are needed`,
    );
  }
  // The region must be among its peers, else its score would be measured against a set it does
  // not belong to (and, for min-max, silently clamped).
  if (!peers.includes(value)) {
    throw new HarmonyMathError(
      'MISSING_PEER_VALUES',
      `the values given for ${code} do not include this region's value ${value}`,
    );
  }
  return normalization.kind === 'MIN_MAX'
    ? minMaxScore(value, minMaxStatistics(peers), direction, scale)
    : zScoreOnScale(value, zScoreStatistics(peers), direction, scale);
}

/**
 * Assesses one region for one period: each indicator's normalized score and contribution, the
 * index, its grade, coverage and completeness, and which indicators are past their red line.
 * Values for indicators the methodology does not have are refused (a typo would otherwise drop an
 * indicator silently).
 */
export function assessRegion(input: AssessRegionInput): AssessmentResult {
  const { values, settings, peerValues = {} } = input;
  validateMethodologySettings(settings);
  const known = new Set(settings.indicators.map(({ code }) => code));
  for (const code of Object.keys(values)) {
    if (!known.has(code)) throw new HarmonyMathError('UNKNOWN_INDICATOR', `no indicator ${code} in the methodology`);
  }
  const scale = scaleFor(settings.aggregation);
  const rawValues = settings.indicators.map(({ code }) => {
    const value = values[code];
    return value === undefined || value === null ? null : requireFinite(value, `value of ${code}`);
  });
  const scores = settings.indicators.map((indicator, i) =>
    normalizedScore(indicator, rawValues[i], scale, peerValues[indicator.code]),
  );
  const aggregation = aggregate(
    settings.aggregation,
    settings.indicators.map(({ code, weight }, i) => ({ code, weight, score: scores[i] })),
    { coverageThreshold: settings.coverageThreshold },
  );
  return {
    index: aggregation.index,
    grade: gradeFor(aggregation.index, settings.gradeBands ?? DEFAULT_GRADE_BANDS),
    indicators: settings.indicators.map((indicator, i) => ({
      code: indicator.code,
      rawValue: rawValues[i],
      normalizedScore: scores[i],
      weight: indicator.weight,
      effectiveWeight: aggregation.contributions[i].effectiveWeight,
      contribution: aggregation.contributions[i].contribution,
      pastRedLine: isPastRedLine(rawValues[i], indicator.redLine, indicator.direction),
    })),
    missing: aggregation.missing,
    coverage: aggregation.coverage,
    complete: aggregation.complete,
    aggregation: settings.aggregation,
    scale,
  };
}

export interface RegionValues {
  readonly region: string;
  readonly values: IndicatorValues;
}

export interface RegionAssessment extends AssessmentResult {
  readonly region: string;
  /** Competition rank among the regions assessed together (1 best); null without an index. */
  readonly rank: number | null;
}

/**
 * Assesses all regions of a period together (typically the children of one parent): the peer
 * values of min-max and z-score indicators are taken from the regions given, and each region is
 * ranked among them. Equivalent to calling `assessRegion` for each region with those peers.
 */
export function assessRegions(regions: readonly RegionValues[], settings: MethodologySettings): RegionAssessment[] {
  if (regions.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no regions given');
  requireUniqueCodes(
    regions.map(({ region }) => region),
    'regions',
  );
  const peerValues: Record<string, (number | null)[]> = {};
  for (const { code, normalization } of settings.indicators) {
    if (normalization.kind === 'GOALPOSTS') continue;
    peerValues[code] = regions.map(({ values }) => values[code] ?? null);
  }
  const results = regions.map(({ values }) => assessRegion({ values, settings, peerValues }));
  const ranks = rankAmongSiblings(results.map(({ index }) => index));
  return results.map((result, i) => ({ ...result, region: regions[i].region, rank: ranks[i] }));
}
