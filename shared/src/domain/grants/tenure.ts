/**
 * Tenure limits of a grant (PRODUCT.md, "Mechanism 3"): a term of at most 5 years, counted from the
 * decision or election; one holder of a post at a time; at most two consecutive terms in the same post;
 * at most 15 years at the same level. Dates are ISO calendar dates; a term covers `from` up to (not
 * including) `to`, or up to the day it ended early.
 */
import { addDays, dayNumber } from './working-days';
import type { GrantProblem } from './procedure';

export const MAX_TERM_YEARS = 5;
export const MAX_CONSECUTIVE_TERMS = 2;
export const MAX_YEARS_AT_LEVEL = 15;
/** Terms in one post are consecutive when the next begins within this many days of the previous one's end. */
export const CONSECUTIVE_GAP_DAYS = 365;

const DAYS_PER_YEAR = 365.25;
/** 15 calendar years hold 5,478 or 5,479 days (three or four 29 Februaries): the longer is allowed. */
const MAX_DAYS_AT_LEVEL = Math.ceil(MAX_YEARS_AT_LEVEL * DAYS_PER_YEAR);

export interface TermSpan {
  /** The post held (its id). */
  post: string;
  /** The post's level (e.g. `COUNTY_CHIEF`): years at one level are limited. */
  level: string;
  from: string;
  to: string;
  /** The day the term ended early (resignation, dismissal, recall), if it did. */
  endedOn?: string | null;
}

/** `date` plus whole years (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) return addDays(`${year + years}-${String(month).padStart(2, '0')}-01`, day - 2);
  return target.toISOString().slice(0, 10);
}

const end = (term: TermSpan) => (term.endedOn && term.endedOn < term.to ? term.endedOn : term.to);

function unionDays(spans: readonly [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [from, to] of sorted) {
    if (current && from <= current[1]) current[1] = Math.max(current[1], to);
    else {
      if (current) total += current[1] - current[0];
      current = [from, to];
    }
  }
  return total + (current ? current[1] - current[0] : 0);
}

/**
 * The problems of a new term for a person: its length, another holder of the post at the same time
 * (`holders`: the post's other terms), a third consecutive term in the post, more than 15 years at the
 * level (`history`: the person's earlier terms).
 */
export function tenureProblems(term: TermSpan, history: readonly TermSpan[], holders: readonly TermSpan[]): GrantProblem[] {
  const found: GrantProblem[] = [];
  const from = dayNumber(term.from);
  const to = dayNumber(term.to);
  if (from === null || to === null || to <= from) {
    return [
      {
        code: 'INVALID_DATE',
        field: 'to',
        params: { from: term.from, to: term.to },
        message: `A term runs from a date to a later one, got ${term.from} to ${term.to}`,
      },
    ];
  }
  const longest = addYears(term.from, MAX_TERM_YEARS);
  if (term.to > longest) {
    found.push({
      code: 'TERM_TOO_LONG',
      field: 'to',
      params: { from: term.from, to: term.to, maxYears: MAX_TERM_YEARS, latest: longest },
      message: `${term.from} to ${term.to} is longer than ${MAX_TERM_YEARS} years (at most until ${longest})`,
    });
  }
  const overlapping = holders.find((other) => other.post === term.post && other.from < term.to && term.from < end(other));
  if (overlapping) {
    found.push({
      code: 'POST_ALREADY_HELD',
      field: 'from',
      params: { from: overlapping.from, to: end(overlapping) },
      message: `The post is held from ${overlapping.from} to ${end(overlapping)}: two holders of one post at once`,
    });
  }
  const inPost = history
    .filter((earlier) => earlier.post === term.post && earlier.from < term.from)
    .sort((a, b) => (a.from < b.from ? 1 : -1));
  let chain = 0;
  let next = from;
  for (const earlier of inPost) {
    if (next - dayNumber(end(earlier))! > CONSECUTIVE_GAP_DAYS) break;
    chain++;
    next = dayNumber(earlier.from)!;
  }
  if (chain >= MAX_CONSECUTIVE_TERMS) {
    found.push({
      code: 'THIRD_CONSECUTIVE_TERM',
      field: 'post',
      params: { consecutive: chain, max: MAX_CONSECUTIVE_TERMS },
      message: `This would be term ${chain + 1} in a row in the same post: at most ${MAX_CONSECUTIVE_TERMS} consecutive terms`,
    });
  }
  const atLevel = [...history.filter((earlier) => earlier.level === term.level), term].map((span): [number, number] => [
    dayNumber(span.from)!,
    dayNumber(end(span))!,
  ]);
  const days = unionDays(atLevel);
  const years = days / DAYS_PER_YEAR;
  if (days > MAX_DAYS_AT_LEVEL) {
    found.push({
      code: 'TOO_LONG_AT_LEVEL',
      field: 'to',
      params: { years: Math.round(years * 10) / 10, max: MAX_YEARS_AT_LEVEL, level: term.level },
      message: `With this term, ${Math.round(years * 10) / 10} years at the same level: at most ${MAX_YEARS_AT_LEVEL}`,
    });
  }
  return found;
}
