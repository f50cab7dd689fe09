/**
 * The rules of a new indicator in the catalogue, in one place: the server refuses what breaks them and
 * the console checks them before sending, with the same limits.
 */
import { goalpostsProblems } from './normalization';

/** Upper case letters, digits and _, starting with a letter (its length is in INDICATOR_TEXT_LENGTHS). */
export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

/** Lengths of the text fields, after trimming. */
export const INDICATOR_TEXT_LENGTHS = {
  code: { min: 2, max: 32 },
  nameEn: { min: 2, max: 200 },
  nameZh: { min: 1, max: 200 },
  unitEn: { min: 1, max: 60 },
  unitZh: { min: 1, max: 60 },
} as const;

export type IndicatorTextField = keyof typeof INDICATOR_TEXT_LENGTHS;

export interface NewIndicator {
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly unitEn: string;
  readonly unitZh: string;
  /** null: not a number. */
  readonly goalpostLower: number | null;
  readonly goalpostUpper: number | null;
  /** null or absent: no red line; NaN: not a number. */
  readonly redLine?: number | null;
}

/** Why a field is refused; the console translates these, the server names them in its error. */
export type IndicatorProblem = 'REQUIRED' | 'LENGTH' | 'CODE_PATTERN' | 'NOT_A_NUMBER' | 'GOALPOSTS_ORDER' | 'RED_LINE';

/** What must be fixed, by field (the input's field names); empty when the indicator is acceptable. */
export function indicatorProblems(indicator: NewIndicator): Partial<Record<keyof NewIndicator, IndicatorProblem>> {
  const problems: Partial<Record<keyof NewIndicator, IndicatorProblem>> = {};
  for (const field of Object.keys(INDICATOR_TEXT_LENGTHS) as IndicatorTextField[]) {
    const length = indicator[field].trim().length;
    const { min, max } = INDICATOR_TEXT_LENGTHS[field];
    if (length === 0) problems[field] = 'REQUIRED';
    else if (length < min || length > max) problems[field] = 'LENGTH';
  }
  const code = indicator.code.trim();
  if (code && !INDICATOR_CODE_PATTERN.test(code)) problems.code = 'CODE_PATTERN';
  const { goalpostLower: lower, goalpostUpper: upper } = indicator;
  if (lower === null || !Number.isFinite(lower)) problems.goalpostLower = 'NOT_A_NUMBER';
  if (upper === null || !Number.isFinite(upper)) problems.goalpostUpper = 'NOT_A_NUMBER';
  else if (lower !== null && Number.isFinite(lower)) {
    if (goalpostsProblems({ lower, upper }).length > 0) problems.goalpostUpper = 'GOALPOSTS_ORDER';
  }
  if (indicator.redLine !== null && indicator.redLine !== undefined && !Number.isFinite(indicator.redLine)) problems.redLine = 'RED_LINE';
  return problems;
}
