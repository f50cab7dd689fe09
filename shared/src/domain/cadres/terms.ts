/**
 * Terms: a cadre holds a post from a date to a planned end, and may leave early (resignation,
 * dismissal, recall) or at the planned end (expiry). The tenure limits are mechanism 3's
 * (`grants/tenure.ts`: at most 5 years, one holder of a post at a time, at most two consecutive terms in
 * one post, at most 15 years at one level): a term recorded directly by an organization obeys the same
 * rules as one a grant will create.
 */
import { problemOf, type Problem } from '../../errors/problems';
import { isIsoDate } from '../grants/working-days';
import { tenureProblems, type TermSpan } from '../grants/tenure';
import type { GrantProblem } from '../grants/procedure';

export const TERM_END_REASONS = ['EXPIRY', 'RESIGNATION', 'DISMISSAL', 'RECALL'] as const;
export type TermEndReason = (typeof TERM_END_REASONS)[number];

/** A term as the rules see it. Dates are ISO calendar dates; the term covers `startsOn` up to (not including) its end. */
export interface TermDates {
  startsOn: string;
  /** The planned end. */
  endsOn: string;
  /** The actual end, when the term has ended. */
  endedOn?: string | null;
}

/** The day a term stops covering: its actual end if it ended before the planned one, else the planned end. */
export function effectiveEnd(term: TermDates): string {
  return term.endedOn && term.endedOn < term.endsOn ? term.endedOn : term.endsOn;
}

/** Is the term the post's holding on `today`: begun, not ended, not past its planned end. */
export function isCurrentTerm(term: TermDates, today: string): boolean {
  return !term.endedOn && term.startsOn <= today && today < term.endsOn;
}

/** A term of the post or the cadre, with the post's id and level (what the tenure rules compare). */
export interface TermRecord extends TermDates {
  postId: string;
  level: string;
}

const spanOf = (term: TermRecord): TermSpan => ({
  post: term.postId,
  level: term.level,
  from: term.startsOn,
  to: term.endsOn,
  endedOn: term.endedOn ?? null,
});

/** The API's input field each tenure rule's field stands for. */
const FIELD_OF: Record<string, string> = { from: 'startsOn', to: 'endsOn', post: 'postId' };

/** The refusal reasons of the tenure rules (shared/src/domain/cadres/error-reasons.ts), most serious first. */
export const TERM_RULE_REASONS = [
  'POST_ALREADY_HELD',
  'THIRD_CONSECUTIVE_TERM',
  'TOO_LONG_AT_LEVEL',
  'TERM_TOO_LONG',
  'INVALID_TERM',
] as const;
export type TermRuleReason = (typeof TERM_RULE_REASONS)[number];

export interface TermProblem {
  /** The input field: `startsOn`, `endsOn` or `postId`. */
  field: string;
  reason: TermRuleReason;
  problem: Problem;
}

function termProblemOf(found: GrantProblem): TermProblem {
  const field = FIELD_OF[found.field] ?? found.field;
  const p = found.params;
  switch (found.code) {
    case 'POST_ALREADY_HELD':
      return { field, reason: 'POST_ALREADY_HELD', problem: problemOf('POST_ALREADY_HELD', { from: String(p.from), to: String(p.to) }) };
    case 'THIRD_CONSECUTIVE_TERM':
      return {
        field,
        reason: 'THIRD_CONSECUTIVE_TERM',
        problem: problemOf('THIRD_CONSECUTIVE_TERM', { consecutive: Number(p.consecutive), max: Number(p.max) }),
      };
    case 'TOO_LONG_AT_LEVEL':
      return {
        field,
        reason: 'TOO_LONG_AT_LEVEL',
        problem: problemOf('TOO_LONG_AT_LEVEL', { years: Number(p.years), max: Number(p.max), level: String(p.level) }),
      };
    case 'TERM_TOO_LONG':
      return {
        field,
        reason: 'TERM_TOO_LONG',
        problem: problemOf('TERM_TOO_LONG', {
          from: String(p.from),
          to: String(p.to),
          maxYears: Number(p.maxYears),
          latest: String(p.latest),
        }),
      };
    default:
      return { field, reason: 'INVALID_TERM', problem: problemOf('TERM_DATES_ORDER', { from: String(p.from), to: String(p.to) }) };
  }
}

/**
 * The problems of a new term, most serious first: dates that are not dates or run backwards, another
 * holder of the post at the same time (`holders`: the post's other terms), a third consecutive term in
 * the post or more than 15 years at the level (`history`: the cadre's earlier terms), a term longer
 * than 5 years. The server refuses with the first one's reason; the form shows them all.
 */
export function termProblems(term: TermRecord, history: readonly TermRecord[], holders: readonly TermRecord[]): TermProblem[] {
  const notDates = (['startsOn', 'endsOn'] as const).filter((field) => !isIsoDate(term[field]));
  if (notDates.length > 0) {
    return notDates.map((field) => ({ field, reason: 'INVALID_TERM', problem: problemOf('NOT_A_DATE', { got: term[field] }) }));
  }
  const found = tenureProblems(spanOf(term), history.map(spanOf), holders.map(spanOf)).map(termProblemOf);
  return found.sort((a, b) => TERM_RULE_REASONS.indexOf(a.reason) - TERM_RULE_REASONS.indexOf(b.reason));
}

/**
 * What is wrong with ending a term on `endedOn` (field `endedOn`): a date, after the term began, at
 * the latest on its planned end, and not after `today` (an end is recorded once it has happened).
 */
export function termEndProblems(term: TermDates, endedOn: string, today: string): Record<string, Problem> {
  if (!isIsoDate(endedOn)) return { endedOn: problemOf('NOT_A_DATE', { got: endedOn }) };
  const latest = term.endsOn < today ? term.endsOn : today;
  if (endedOn <= term.startsOn || endedOn > latest) {
    return { endedOn: problemOf('TERM_END_OUT_OF_RANGE', { from: term.startsOn, to: latest }) };
  }
  return {};
}
