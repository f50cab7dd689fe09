/**
 * Probation (PRODUCT.md, "Mechanism 3"): a grant by appointment to a non-elected post takes effect with a
 * year's probation, ended by confirmation or removal. Confirmation comes at the end of the year, not
 * before; removal may come any day of it. An elected post has no probation.
 */
import { addYears } from './tenure';
import { dayNumber } from './working-days';
import type { GrantMethod, GrantProblem } from './procedure';

export const PROBATION_YEARS = 1;
export const PROBATION_OUTCOMES = ['CONFIRMED', 'REMOVED'] as const;
export type ProbationOutcome = (typeof PROBATION_OUTCOMES)[number];

/** The day a probation that began on `takenEffect` may be confirmed (a year later). */
export const probationEnd = (takenEffect: string): string => addYears(takenEffect, PROBATION_YEARS);

export function probationProblems(method: GrantMethod, takenEffect: string, date: string, outcome: ProbationOutcome): GrantProblem[] {
  if (dayNumber(date) === null) {
    return [{ code: 'INVALID_DATE', field: 'date', params: { value: date }, message: `date must be a date (YYYY-MM-DD), got "${date}"` }];
  }
  if (method === 'ELECTION') {
    return [
      {
        code: 'STEP_OUT_OF_ORDER',
        field: '',
        params: { step: 'PROBATION_END', expected: 'none' },
        message: 'An elected post has no probation',
      },
    ];
  }
  if (date <= takenEffect) {
    return [
      {
        code: 'STEP_DATE_BEFORE_PREVIOUS',
        field: 'date',
        params: { date, previous: takenEffect },
        message: `${date} is not after the grant took effect (${takenEffect})`,
      },
    ];
  }
  const end = probationEnd(takenEffect);
  if (outcome === 'CONFIRMED' && date < end) {
    return [
      {
        code: 'STEP_DATE_BEFORE_PREVIOUS',
        field: 'date',
        params: { date, previous: end },
        message: `Confirmation comes at the end of the year's probation (${end}), not on ${date}`,
      },
    ];
  }
  return [];
}
