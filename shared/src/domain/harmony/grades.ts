/**
 * Grade bands of the harmony index (PRODUCT.md: harmonious / basically harmonious / attention /
 * warning). A band holds every index at or above its minimum and below the next band's minimum.
 */
import { HarmonyMathError, isFiniteNumber, notFiniteMessage, requireFinite } from './errors';
import { problem, throwFirstProblem, type RuleProblem } from './rule-problems';
import type { LocalizedText } from './indicators';
import { roundIndex } from './precision';

export const GRADE_CODES = ['HARMONIOUS', 'BASICALLY_HARMONIOUS', 'ATTENTION', 'WARNING'] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

export interface GradeBand<Code extends string = GradeCode> {
  readonly code: Code;
  /** Smallest index (inclusive) in this band, on 0–100. */
  readonly minimum: number;
}

/** Default bands: ≥ 85 harmonious, ≥ 70 basically harmonious, ≥ 60 attention, below 60 warning. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = Object.freeze([
  { code: 'HARMONIOUS', minimum: 85 },
  { code: 'BASICALLY_HARMONIOUS', minimum: 70 },
  { code: 'ATTENTION', minimum: 60 },
  { code: 'WARNING', minimum: 0 },
]);

export const GRADE_NAMES: Readonly<Record<GradeCode, LocalizedText>> = {
  HARMONIOUS: { en: 'Harmonious', zhCN: '和谐' },
  BASICALLY_HARMONIOUS: { en: 'Basically harmonious', zhCN: '基本和谐' },
  ATTENTION: { en: 'Attention', zhCN: '关注' },
  WARNING: { en: 'Warning', zhCN: '预警' },
};

/**
 * Bands must be listed from best to worst with strictly descending minimums within [0, 100],
 * unique codes, and the last band starting at 0 so that every index on 0–100 gets a grade.
 * Fields: `gradeBands` (the list as a whole), `gradeBands.<position>` (one band's minimum or code).
 */
export function gradeBandsProblems<Code extends string>(bands: readonly GradeBand<Code>[]): RuleProblem[] {
  if (bands.length === 0) return [problem('gradeBands', 'INVALID_GRADE_BANDS', 'at least one grade band is needed')];
  const problems: RuleProblem[] = [];
  const codes = new Set<string>();
  for (let i = 0; i < bands.length; i++) {
    const { code, minimum } = bands[i];
    const field = `gradeBands.${i}`;
    const previous = i > 0 ? bands[i - 1] : null;
    if (!isFiniteNumber(minimum)) {
      problems.push(problem(field, 'NON_FINITE_VALUE', notFiniteMessage(`minimum of band ${code}`, minimum), { band: code }));
    } else if (minimum < 0 || minimum > 100) {
      problems.push(
        problem(field, 'INVALID_GRADE_BANDS', `band ${code}: minimum ${minimum} is outside 0–100`, {
          band: code,
          minimum,
          min: 0,
          max: 100,
        }),
      );
    } else if (previous && isFiniteNumber(previous.minimum) && !(minimum < previous.minimum)) {
      problems.push(
        problem(
          field,
          'INVALID_GRADE_BANDS',
          `bands must be listed best first with strictly descending minimums: ${code} (${minimum}) follows ${previous.code} (${previous.minimum})`,
          { band: code, minimum, previous: previous.code, previousMinimum: previous.minimum },
        ),
      );
    }
    if (codes.has(code)) problems.push(problem(field, 'INVALID_GRADE_BANDS', `band ${code} appears twice`, { band: code }));
    codes.add(code);
  }
  const lowest = bands[bands.length - 1];
  if (lowest.minimum !== 0) {
    problems.push(
      problem(
        'gradeBands',
        'INVALID_GRADE_BANDS',
        `the lowest band must start at 0 so that every index has a grade; ${lowest.code} starts at ${lowest.minimum}`,
        { band: lowest.code, minimum: lowest.minimum, expected: 0 },
      ),
    );
  }
  return problems;
}

/** The throwing form of gradeBandsProblems (the server's). */
export function validateGradeBands<Code extends string>(bands: readonly GradeBand<Code>[]): void {
  throwFirstProblem(gradeBandsProblems(bands));
}

/**
 * The band an index falls in, judged on the index as shown (precision.ts: 84.98 is shown 85.0 and is
 * harmonious); null for a missing index. An index outside 0–100 is a bug upstream (normalized scores
 * are on 0–100), so it is refused rather than graded.
 */
export function gradeFor(index: number | null): GradeCode | null;
export function gradeFor<Code extends string>(index: number | null, bands: readonly GradeBand<Code>[]): Code | null;
export function gradeFor(index: number | null, bands: readonly GradeBand<string>[] = DEFAULT_GRADE_BANDS): string | null {
  validateGradeBands(bands);
  return gradeWithin(index, bands);
}

/** `gradeFor` with bands already validated (the batch path validates a methodology once). */
export function gradeWithin<Code extends string>(index: number | null, bands: readonly GradeBand<Code>[]): Code | null {
  if (index === null) return null;
  requireFinite(index, 'index');
  // Rounding also absorbs floating-point noise: 85 computed as 84.99999999999999 is shown, and graded, 85.0.
  const shown = roundIndex(index);
  if (shown < 0 || shown > 100) {
    throw new HarmonyMathError('INDEX_OUT_OF_RANGE', `an index must lie in 0–100, got ${index}`);
  }
  for (const band of bands) {
    if (shown >= band.minimum) return band.code;
  }
  return bands[bands.length - 1].code;
}
