/**
 * Statistical checks of the indicator data of a period (PRODUCT.md: "Statistical checks flag
 * indicators with |skew| > 2 and kurtosis > 3.5 …, pairs correlated above 0.9 …, and coverage
 * below 65 %"), after the OECD/JRC Handbook (2008, sections 3–4) and COINr's `get_stats`,
 * `get_corr` and `Treat`.
 *
 * Estimators: COINr's `skew` and `kurt`, which copy e1071's `type = 2` (the same as Excel's SKEW and
 * KURT):
 *   G1 = g1 · √(n(n−1)) / (n−2),                 g1 = √n Σd³ / (Σd²)^(3/2)
 *   G2 = ((n+1)(g2 − 3) + 6) · (n−1) / ((n−2)(n−3)),   g2 = n Σd⁴ / (Σd²)²
 * G2 is EXCESS kurtosis (0 for a normal distribution). The flag rule, |G1| > 2 AND G2 > 3.5, is
 * COINr's `check_SkewKurt` with its default thresholds, so "kurtosis > 3.5" in PRODUCT.md means
 * excess kurtosis; the two thresholds were calibrated together and are kept as COINr has them.
 * Skewness needs 3 values and kurtosis 4 (as in COINr); with fewer, or with zero spread, they are
 * null and nothing is flagged.
 */
import { HarmonyMathError, requireFinite, requireThreshold, requireUniqueCodes } from './errors';
import { DEFAULT_COVERAGE_THRESHOLD } from './aggregation';

export const DEFAULT_SKEWNESS_THRESHOLD = 2;
export const DEFAULT_KURTOSIS_THRESHOLD = 3.5;
export const DEFAULT_CORRELATION_THRESHOLD = 0.9;
/**
 * Fewest common observations for a correlation to be reported: with 2 points any correlation is
 * ±1 and with 3 a |r| > 0.9 arises by chance one time in ten; 4 is the least that says anything.
 */
export const DEFAULT_MINIMUM_CORRELATION_OBSERVATIONS = 4;
/** COINr `winsorise` default `winmax`. */
export const DEFAULT_MAXIMUM_WINSORISED_POINTS = 5;

/** The values of one indicator across the regions of a period (same region order in every column). */
export interface IndicatorColumn {
  readonly code: string;
  readonly values: readonly (number | null)[];
}

function presentValues(values: readonly (number | null)[]): number[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) continue;
    present.push(requireFinite(value, `value ${i + 1}`));
  }
  return present;
}

function centralSums(values: readonly number[]): { n: number; s2: number; s3: number; s4: number } {
  const n = values.length;
  let mean = 0;
  for (const value of values) mean += value;
  mean /= n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const value of values) {
    const d = value - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, s2, s3, s4 };
}

/**
 * Relative spread below which values count as all equal: centring equal values can leave rounding
 * residue (≈1e-16 of their magnitude), whose "skewness" would be pure noise.
 */
function hasSpread(values: readonly number[], s2: number): boolean {
  let magnitude = 0;
  for (const value of values) magnitude = Math.max(magnitude, Math.abs(value));
  return s2 > values.length * (magnitude * 1e-12) ** 2;
}

/** Sample skewness G1 (e1071 type 2 / COINr `skew`); null with fewer than 3 values or no spread. Nulls ignored. */
export function sampleSkewness(values: readonly (number | null)[]): number | null {
  const present = presentValues(values);
  if (present.length < 3) return null;
  const { n, s2, s3 } = centralSums(present);
  if (!hasSpread(present, s2)) return null;
  const g1 = (Math.sqrt(n) * s3) / Math.pow(s2, 1.5);
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Sample excess kurtosis G2 (e1071 type 2 / COINr `kurt`); null with fewer than 4 values or no spread. */
export function sampleExcessKurtosis(values: readonly (number | null)[]): number | null {
  const present = presentValues(values);
  if (present.length < 4) return null;
  const { n, s2, s4 } = centralSums(present);
  if (!hasSpread(present, s2)) return null;
  const g2 = (n * s4) / (s2 * s2);
  return (((n + 1) * (g2 - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

export interface SkewKurtosisThresholds {
  readonly skewness?: number;
  readonly kurtosis?: number;
}

export interface SkewKurtosisCheck {
  readonly skewness: number | null;
  readonly kurtosis: number | null;
  /** |skewness| > threshold AND excess kurtosis > threshold: likely outliers. */
  readonly flagged: boolean;
}

export function checkSkewKurtosis(values: readonly (number | null)[], thresholds: SkewKurtosisThresholds = {}): SkewKurtosisCheck {
  const skewThreshold = requireFinite(thresholds.skewness ?? DEFAULT_SKEWNESS_THRESHOLD, 'skewness threshold');
  const kurtosisThreshold = requireFinite(thresholds.kurtosis ?? DEFAULT_KURTOSIS_THRESHOLD, 'kurtosis threshold');
  const skewness = sampleSkewness(values);
  const kurtosis = sampleExcessKurtosis(values);
  const flagged = skewness !== null && kurtosis !== null && Math.abs(skewness) > skewThreshold && kurtosis > kurtosisThreshold;
  return { skewness, kurtosis, flagged };
}

// ---------------------------------------------------------------------------------------------
// Correlations

export interface Correlation {
  readonly value: number;
  /** Number of regions where both indicators are present. */
  readonly observations: number;
}

/**
 * Pearson correlation over the pairwise-complete observations (R's `use = "pairwise.complete.obs"`,
 * as COINr's `get_corr`). Null with fewer than `minimumObservations` common observations or when
 * either series is constant over them (the correlation is undefined).
 */
export function pearsonCorrelation(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  minimumObservations: number = DEFAULT_MINIMUM_CORRELATION_OBSERVATIONS,
): Correlation | null {
  if (x.length !== y.length) {
    throw new HarmonyMathError('LENGTH_MISMATCH', `series of different lengths (${x.length} and ${y.length})`);
  }
  if (!Number.isInteger(minimumObservations) || minimumObservations < 2) {
    throw new HarmonyMathError('INVALID_OPTION', `minimum observations must be an integer ≥ 2, got ${minimumObservations}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    if (xi === null || yi === null) continue;
    xs.push(requireFinite(xi, `value ${i + 1}`));
    ys.push(requireFinite(yi, `value ${i + 1}`));
  }
  const n = xs.length;
  if (n < minimumObservations) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i];
    meanY += ys[i];
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!hasSpread(xs, sxx) || !hasSpread(ys, syy)) return null;
  // Clamp rounding excursions past ±1 (perfectly collinear series).
  const value = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { value, observations: n };
}

function validateColumns(columns: readonly IndicatorColumn[]): void {
  if (columns.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no indicator columns given');
  requireUniqueCodes(
    columns.map(({ code }) => code),
    'indicator columns',
  );
  const length = columns[0].values.length;
  for (const { code, values } of columns) {
    if (values.length !== length) {
      throw new HarmonyMathError('LENGTH_MISMATCH', `column ${code} has ${values.length} values, expected ${length}`);
    }
  }
}

export interface CorrelationMatrix {
  readonly codes: readonly string[];
  /** Symmetric; 1 on the diagonal (when the series varies); null where undefined. */
  readonly values: readonly (readonly (number | null)[])[];
}

export function correlationMatrix(
  columns: readonly IndicatorColumn[],
  options: { readonly minimumObservations?: number } = {},
): CorrelationMatrix {
  validateColumns(columns);
  const size = columns.length;
  const values: (number | null)[][] = Array.from({ length: size }, () => new Array<number | null>(size).fill(null));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const correlation = pearsonCorrelation(columns[i].values, columns[j].values, options.minimumObservations);
      const value = i === j && correlation !== null ? 1 : (correlation?.value ?? null);
      values[i][j] = value;
      values[j][i] = value;
    }
  }
  return { codes: columns.map(({ code }) => code), values };
}

export interface CorrelatedPair {
  readonly first: string;
  readonly second: string;
  readonly correlation: number;
  readonly observations: number;
}

/**
 * Pairs of indicators with |r| above the threshold (default 0.9): likely double counting of one
 * phenomenon (OECD/JRC Handbook, section 4). Negative correlations count too: on raw values a
 * LOWER_IS_BETTER indicator mirrors a HIGHER_IS_BETTER one. Sorted by |r|, largest first.
 */
export function highlyCorrelatedPairs(
  columns: readonly IndicatorColumn[],
  options: { readonly threshold?: number; readonly minimumObservations?: number } = {},
): CorrelatedPair[] {
  validateColumns(columns);
  const threshold = requireThreshold(options.threshold ?? DEFAULT_CORRELATION_THRESHOLD, 'correlation threshold');
  const pairs: CorrelatedPair[] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const correlation = pearsonCorrelation(columns[i].values, columns[j].values, options.minimumObservations);
      if (correlation !== null && Math.abs(correlation.value) > threshold) {
        pairs.push({
          first: columns[i].code,
          second: columns[j].code,
          correlation: correlation.value,
          observations: correlation.observations,
        });
      }
    }
  }
  return pairs.sort((left, right) => Math.abs(right.correlation) - Math.abs(left.correlation));
}

// ---------------------------------------------------------------------------------------------
// Coverage

export interface IndicatorCoverage {
  readonly code: string;
  readonly available: number;
  readonly total: number;
  /** available / total; 0 for an empty period. */
  readonly coverage: number;
  /** coverage < threshold (default 0.65, COINr `get_stats` `t_avail`). */
  readonly low: boolean;
}

export function indicatorCoverage(columns: readonly IndicatorColumn[], options: { readonly threshold?: number } = {}): IndicatorCoverage[] {
  validateColumns(columns);
  const threshold = requireThreshold(options.threshold ?? DEFAULT_COVERAGE_THRESHOLD, 'coverage threshold');
  return columns.map(({ code, values }) => {
    const available = presentValues(values).length;
    const total = values.length;
    const coverage = total === 0 ? 0 : available / total;
    return { code, available, total, coverage, low: coverage < threshold };
  });
}

// ---------------------------------------------------------------------------------------------
// Winsorisation

export interface WinsorisedPoint {
  /** Position in the input. */
  readonly position: number;
  readonly original: number;
  readonly replacement: number;
  /** HIGH: a largest value brought down; LOW: a smallest value brought up. */
  readonly side: 'HIGH' | 'LOW';
}

export interface WinsorisationResult {
  /** The values after treatment, nulls kept in place. */
  readonly values: (number | null)[];
  readonly winsorised: readonly WinsorisedPoint[];
  /** Whether the treated values pass the skew/kurtosis check. */
  readonly passes: boolean;
  readonly skewness: number | null;
  readonly kurtosis: number | null;
}

export interface WinsorisationOptions extends SkewKurtosisThresholds {
  /** Most points to winsorise (default 5, COINr's `winmax`). */
  readonly maximumPoints?: number;
}

/**
 * COINr-style winsorisation (`winsorise`): while the values fail the skew/kurtosis check, take the
 * most extreme value on the side of the skew (the maximum when skew ≥ 0, else the minimum) and
 * replace it with the next value inward. Tied extremes move together, as in COINr. Stops when the
 * values pass, or before a step would take the number of winsorised points past the maximum —
 * unlike COINr, which may overshoot `winmax` by a tie; here the maximum is a hard limit. When it
 * is reached without passing, `passes` is false and the caller decides (COINr would then try a
 * log transform of the original values).
 */
export function winsorise(values: readonly (number | null)[], options: WinsorisationOptions = {}): WinsorisationResult {
  const maximumPoints = options.maximumPoints ?? DEFAULT_MAXIMUM_WINSORISED_POINTS;
  if (!Number.isInteger(maximumPoints) || maximumPoints < 0) {
    throw new HarmonyMathError('INVALID_OPTION', `maximum points must be a non-negative integer, got ${maximumPoints}`);
  }
  presentValues(values);
  const treated = [...values];
  // Keyed by position: a point brought in once may be brought in again with its new neighbours;
  // it is still one winsorised point, with its latest replacement.
  const winsorised = new Map<number, WinsorisedPoint>();
  let check = checkSkewKurtosis(treated, options);
  while (check.flagged) {
    const side = (check.skewness ?? 0) >= 0 ? 'HIGH' : 'LOW';
    const beyond = (value: number, than: number): boolean => (side === 'HIGH' ? value > than : value < than);
    let extreme = side === 'HIGH' ? -Infinity : Infinity;
    for (const value of treated) if (value !== null && beyond(value, extreme)) extreme = value;
    let inward = side === 'HIGH' ? -Infinity : Infinity;
    const positions: number[] = [];
    for (let i = 0; i < treated.length; i++) {
      const value = treated[i];
      if (value === null) continue;
      if (value === extreme) positions.push(i);
      else if (beyond(value, inward)) inward = value;
    }
    const newPoints = positions.filter((position) => !winsorised.has(position)).length;
    // A flagged series has spread, so `inward` exists; the guard only protects the loop.
    if (!Number.isFinite(inward) || winsorised.size + newPoints > maximumPoints) break;
    for (const position of positions) {
      winsorised.set(position, { position, original: values[position] as number, replacement: inward, side });
      treated[position] = inward;
    }
    check = checkSkewKurtosis(treated, options);
  }
  return {
    values: treated,
    winsorised: [...winsorised.values()].sort((left, right) => left.position - right.position),
    passes: !check.flagged,
    skewness: check.skewness,
    kurtosis: check.kurtosis,
  };
}
