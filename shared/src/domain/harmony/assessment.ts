/**
 * One call from raw indicator values to an assessment: normalize each indicator as the methodology
 * says, aggregate, grade (PRODUCT.md, "Assessment"). The server and the console both call this, so
 * a figure shown in the console is the figure the server stored.
 */
import { aggregateRow, DEFAULT_COVERAGE_THRESHOLD, validateWeights, type AggregationMethod } from './aggregation';
import { nullIfMissing } from './columns';
import {
  duplicateCodeMessage,
  HarmonyMathError,
  isFiniteNumber,
  notFiniteMessage,
  requireFinite,
  requireUniqueCodes,
  thresholdMessage,
} from './errors';
import { prefixProblems, problem, throwFirstProblem, type RuleProblem } from './rule-problems';
import { DEFAULT_GRADE_BANDS, gradeBandsProblems, gradeWithin, type GradeBand, type GradeCode } from './grades';
import { DEFAULT_INDICATORS, isPastRedLine, type IndicatorDirection } from './indicators';
import {
  goalpostScore,
  minMaxScore,
  minMaxStatistics,
  goalpostsProblems,
  zScoreOnScale,
  zScoreStatistics,
  type MinMaxStatistics,
  type NormalizationScale,
  type ZScoreStatistics,
} from './normalization';
import { roundIndex } from './precision';
import { rankAmongSiblings } from './rollup';

export type NormalizationSetting =
  | { readonly kind: 'GOALPOSTS'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'MIN_MAX' }
  | { readonly kind: 'Z_SCORE' };

export type NormalizationKind = NormalizationSetting['kind'];
/** Every kind of normalization, in the order the API lists them. */
export const NORMALIZATION_KINDS: readonly NormalizationKind[] = ['GOALPOSTS', 'MIN_MAX', 'Z_SCORE'];

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

/**
 * What is wrong with a methodology's settings, the weights aside (the aggregation checks those: see
 * weightsProblems). Fields: `indicators`, `indicators.<code>` (a duplicate), `indicators.<code>.lower`,
 * `.upper`, `.redLine`, `gradeBands…` (see gradeBandsProblems), `coverageThreshold`.
 */
export function methodologySettingsProblems(settings: MethodologySettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (settings.indicators.length === 0) problems.push(problem('indicators', 'EMPTY_INPUT', 'a methodology needs indicators'));
  const seen = new Set<string>();
  for (const { code } of settings.indicators) {
    if (seen.has(code))
      problems.push(
        problem(`indicators.${code}`, 'DUPLICATE_CODE', duplicateCodeMessage('methodology indicators', code), { indicator: code }),
      );
    seen.add(code);
  }
  for (const indicator of settings.indicators) {
    if (indicator.normalization.kind === 'GOALPOSTS')
      problems.push(...prefixProblems(`indicators.${indicator.code}.`, goalpostsProblems(indicator.normalization)));
    if (indicator.redLine !== null && indicator.redLine !== undefined && !isFiniteNumber(indicator.redLine)) {
      problems.push(
        problem(
          `indicators.${indicator.code}.redLine`,
          'NON_FINITE_VALUE',
          notFiniteMessage(`red line of ${indicator.code}`, indicator.redLine),
          { indicator: indicator.code },
        ),
      );
    }
  }
  problems.push(...gradeBandsProblems(settings.gradeBands ?? DEFAULT_GRADE_BANDS));
  const coverage = settings.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD;
  if (!isFiniteNumber(coverage))
    problems.push(problem('coverageThreshold', 'NON_FINITE_VALUE', notFiniteMessage('coverage threshold', coverage)));
  else if (coverage < 0 || coverage > 1)
    problems.push(
      problem('coverageThreshold', 'INVALID_THRESHOLD', thresholdMessage('coverage threshold', coverage), {
        got: coverage,
        min: 0,
        max: 1,
      }),
    );
  return problems;
}

/** Checks a methodology once, so that a bad one is refused before any region is assessed (the throwing form). */
export function validateMethodologySettings(settings: MethodologySettings): void {
  throwFirstProblem(methodologySettingsProblems(settings));
}

/** A methodology validated once and laid out for assessing many regions (the batch path). */
export interface PreparedMethodology {
  readonly settings: MethodologySettings;
  readonly codes: readonly string[];
  readonly weights: Float64Array;
  readonly scale: NormalizationScale;
  readonly gradeBands: readonly GradeBand[];
  readonly coverageThreshold: number;
}

export function prepareMethodology(settings: MethodologySettings): PreparedMethodology {
  validateMethodologySettings(settings);
  validateWeights(settings.indicators.map(({ weight }) => weight));
  return {
    settings,
    codes: settings.indicators.map(({ code }) => code),
    weights: Float64Array.from(settings.indicators, ({ weight }) => weight),
    scale: scaleFor(settings.aggregation),
    gradeBands: settings.gradeBands ?? DEFAULT_GRADE_BANDS,
    coverageThreshold: settings.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD,
  };
}

/**
 * Per indicator, in the methodology's order: the statistics of the regions compared for min-max and
 * z-score indicators (null when none of them has a value); undefined for goalposts.
 */
export type PeerStatistics = readonly (MinMaxStatistics | ZScoreStatistics | null | undefined)[];

function statisticsOf(
  setting: NormalizationSetting,
  values: readonly (number | null)[],
): MinMaxStatistics | ZScoreStatistics | null | undefined {
  if (setting.kind === 'GOALPOSTS') return undefined;
  return setting.kind === 'MIN_MAX' ? minMaxStatistics(values) : zScoreStatistics(values);
}

/**
 * Assessments of several regions as columns: region r's indicator i at r × indicators + i. NaN
 * stands for "missing" (a value, a score) or "none" (an index); flags are 0 or 1.
 */
export interface AssessmentTable {
  readonly rows: number;
  readonly indicators: number;
  readonly raw: Float64Array;
  readonly scores: Float64Array;
  readonly effectiveWeights: Float64Array;
  readonly contributions: Float64Array;
  readonly pastRedLines: Uint8Array;
  readonly index: Float64Array;
  readonly coverage: Float64Array;
  readonly complete: Uint8Array;
  readonly grades: (GradeCode | null)[];
}

/**
 * Assesses `rows` regions at once from their raw values (rows × indicators, in the methodology's
 * order, NaN = missing): normalize, aggregate, grade, red lines. Min-max and z-score indicators are
 * compared across these rows unless `statistics` says otherwise. The one computation behind
 * `assessRegion`, `assessRegions` and the server's recomputation: no object per region, and the
 * methodology is validated once, by `prepareMethodology`.
 */
export function assessTable(prepared: PreparedMethodology, raw: Float64Array, rows: number, statistics?: PeerStatistics): AssessmentTable {
  const { settings, weights, scale, gradeBands, coverageThreshold } = prepared;
  const count = weights.length;
  if (raw.length !== rows * count) {
    throw new HarmonyMathError('LENGTH_MISMATCH', `${raw.length} values for ${rows} regions × ${count} indicators`);
  }
  for (let cell = 0; cell < raw.length; cell++) {
    if (raw[cell] === Infinity || raw[cell] === -Infinity) requireFinite(raw[cell], `value of ${prepared.codes[cell % count]}`);
  }
  const peers =
    statistics ??
    settings.indicators.map((indicator, i) => {
      if (indicator.normalization.kind === 'GOALPOSTS') return undefined;
      const column: (number | null)[] = new Array<number | null>(rows);
      for (let r = 0; r < rows; r++) column[r] = Number.isNaN(raw[r * count + i]) ? null : raw[r * count + i];
      return statisticsOf(indicator.normalization, column);
    });
  const table: AssessmentTable = {
    rows,
    indicators: count,
    raw,
    scores: new Float64Array(rows * count),
    effectiveWeights: new Float64Array(rows * count),
    contributions: new Float64Array(rows * count),
    pastRedLines: new Uint8Array(rows * count),
    index: new Float64Array(rows),
    coverage: new Float64Array(rows),
    complete: new Uint8Array(rows),
    grades: new Array<GradeCode | null>(rows),
  };
  for (let r = 0; r < rows; r++) {
    const offset = r * count;
    for (let i = 0; i < count; i++) {
      const { normalization, direction, redLine } = settings.indicators[i];
      const value = Number.isNaN(raw[offset + i]) ? null : raw[offset + i];
      const score =
        normalization.kind === 'GOALPOSTS'
          ? goalpostScore(value, normalization, direction, scale)
          : normalization.kind === 'MIN_MAX'
            ? minMaxScore(value, peers[i] as MinMaxStatistics | null, direction, scale)
            : zScoreOnScale(value, peers[i] as ZScoreStatistics | null, direction, scale);
      table.scores[offset + i] = score ?? Number.NaN;
      table.pastRedLines[offset + i] = isPastRedLine(value, redLine, direction) ? 1 : 0;
    }
    const { index, presentWeight } = aggregateRow(
      settings.aggregation,
      weights,
      table.scores,
      offset,
      table.effectiveWeights,
      table.contributions,
    );
    // Weights sum to 1 (± 1e-9), so the weight present is the share of the methodology present. The index
    // is kept as shown (precision.ts), so that its grade, rank, change and alerts judge the figure people read.
    table.index[r] = Number.isNaN(index) ? index : roundIndex(index);
    table.coverage[r] = Math.min(1, presentWeight);
    table.complete[r] = !Number.isNaN(index) && table.coverage[r] >= coverageThreshold ? 1 : 0;
    table.grades[r] = gradeWithin(nullIfMissing(table.index[r]), gradeBands);
  }
  return table;
}

/** Row r of a table as an `AssessmentResult`. */
export function assessmentOf(prepared: PreparedMethodology, table: AssessmentTable, r: number): AssessmentResult {
  const offset = r * table.indicators;
  const missing: string[] = [];
  const indicators = prepared.settings.indicators.map((indicator, i) => {
    if (Number.isNaN(table.scores[offset + i])) missing.push(indicator.code);
    return {
      code: indicator.code,
      rawValue: nullIfMissing(table.raw[offset + i]),
      normalizedScore: nullIfMissing(table.scores[offset + i]),
      weight: indicator.weight,
      effectiveWeight: nullIfMissing(table.effectiveWeights[offset + i]),
      contribution: nullIfMissing(table.contributions[offset + i]),
      pastRedLine: table.pastRedLines[offset + i] === 1,
    };
  });
  return {
    index: nullIfMissing(table.index[r]),
    grade: table.grades[r],
    indicators,
    missing,
    coverage: table.coverage[r],
    complete: table.complete[r] === 1,
    aggregation: prepared.settings.aggregation,
    scale: prepared.scale,
  };
}

/** Raw values by code into a table row (NaN = missing), refusing codes the methodology lacks. */
function rawRow(prepared: PreparedMethodology, values: IndicatorValues, raw: Float64Array, offset: number): void {
  for (const code of Object.keys(values)) {
    if (!prepared.codes.includes(code)) throw new HarmonyMathError('UNKNOWN_INDICATOR', `no indicator ${code} in the methodology`);
  }
  prepared.codes.forEach((code, i) => {
    const value = values[code];
    raw[offset + i] = value === undefined || value === null ? Number.NaN : requireFinite(value, `value of ${code}`);
  });
}

/**
 * Assesses one region for one period: each indicator's normalized score and contribution, the
 * index, its grade, coverage and completeness, and which indicators are past their red line.
 * Values for indicators the methodology does not have are refused (a typo would otherwise drop an
 * indicator silently).
 */
export function assessRegion(input: AssessRegionInput): AssessmentResult {
  const { values, settings, peerValues = {} } = input;
  const prepared = prepareMethodology(settings);
  const raw = new Float64Array(prepared.codes.length);
  rawRow(prepared, values, raw, 0);
  const statistics = settings.indicators.map(({ code, normalization }, i) => {
    if (normalization.kind === 'GOALPOSTS' || Number.isNaN(raw[i])) return undefined;
    const peers = peerValues[code];
    if (peers === undefined) {
      throw new HarmonyMathError(
        'MISSING_PEER_VALUES',
        `${code} is normalized by ${normalization.kind} across regions: the period's values of every region are needed`,
      );
    }
    // The region must be among its peers, else its score would be measured against a set it does
    // not belong to (and, for min-max, silently clamped).
    if (!peers.includes(raw[i])) {
      throw new HarmonyMathError('MISSING_PEER_VALUES', `the values given for ${code} do not include this region's value ${raw[i]}`);
    }
    return statisticsOf(normalization, peers);
  });
  return assessmentOf(prepared, assessTable(prepared, raw, 1, statistics), 0);
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
  const prepared = prepareMethodology(settings);
  const raw = new Float64Array(regions.length * prepared.codes.length);
  regions.forEach(({ values }, r) => rawRow(prepared, values, raw, r * prepared.codes.length));
  const table = assessTable(prepared, raw, regions.length);
  const ranks = rankAmongSiblings(Array.from(table.index, nullIfMissing));
  return regions.map(({ region }, r) => ({ ...assessmentOf(prepared, table, r), region, rank: ranks[r] }));
}
