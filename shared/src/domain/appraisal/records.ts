/**
 * The two records an organization keeps on a cadre's term beside mass evaluation (PRODUCT.md,
 * "Mechanism 2"): the organizational inspection (a score on 0–100 and its findings) and the special audit
 * (debt at the start and end of the term, irregular funds, showcase spending, findings). Their rules in
 * one place: the console checks a form with them before sending, the server refuses with the same
 * problem codes and parameters.
 */
import { problemOf, type Problem } from '../../errors/problems';

/** Longest texts, after trimming. */
export const APPRAISAL_TEXT_LIMITS = { findings: 4000, inspector: 200, auditBody: 200 } as const;

/** Reported growth over a term, in percent: outside this range it is a typing error, not an economy. */
export const REPORTED_GROWTH_RANGE = { min: -100, max: 1000 } as const;

export interface InspectionInput {
  /** On 0–100; null: not given (or not a number). */
  readonly score: number | null;
  readonly findings: string;
  /** Who inspected (the inspection team or its head), as printed on the report. */
  readonly inspector: string;
  /** ISO date. */
  readonly inspectedOn: string;
  /** Economic growth over the term that the cadre reported (%), if the inspection recorded one. */
  readonly reportedGrowth?: number | null;
}

export interface SpecialAuditInput {
  /** Money in 10,000 yuan; null: not given. */
  readonly debtAtStart: number | null;
  readonly debtAtEnd: number | null;
  readonly irregularFunds: number | null;
  readonly showcaseSpending: number | null;
  readonly totalSpending: number | null;
  /** Number of audit findings. */
  readonly findings: number | null;
  readonly auditBody: string;
  readonly auditedOn: string;
}

/** What the date of a record is checked against: today, and the first day of the term it is about. */
export interface RecordDates {
  readonly today: string;
  readonly termStartsOn: string;
}

export type InspectionProblems = Partial<Record<keyof InspectionInput, Problem>>;
export type SpecialAuditProblems = Partial<Record<keyof SpecialAuditInput, Problem>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function textProblem(text: string, max: number, required: boolean): Problem | undefined {
  const length = text.trim().length;
  if (required && length === 0) return problemOf('REQUIRED');
  if (length > max) return problemOf('TOO_LONG', { max });
  return undefined;
}

function dateProblem(date: string, { today, termStartsOn }: RecordDates): Problem | undefined {
  if (!date.trim()) return problemOf('REQUIRED');
  if (!isIsoDate(date)) return problemOf('INVALID_DATE', { got: date });
  if (date > today) return problemOf('DATE_IN_FUTURE', { date });
  if (date < termStartsOn) return problemOf('BEFORE_TERM', { startsOn: termStartsOn });
  return undefined;
}

function amountProblem(amount: number | null): Problem | undefined {
  if (amount === null) return problemOf('REQUIRED');
  if (!Number.isFinite(amount)) return problemOf('NOT_FINITE');
  if (amount < 0) return problemOf('NEGATIVE_AMOUNT', { got: amount });
  return undefined;
}

/** Drops the fields without a problem, so that an empty object means "acceptable". */
function only<K extends string>(found: Partial<Record<K, Problem | undefined>>): Partial<Record<K, Problem>> {
  return Object.fromEntries(Object.entries(found).filter(([, problem]) => problem !== undefined)) as Partial<Record<K, Problem>>;
}

/** What must be fixed in an inspection, by field; empty when it is acceptable. */
export function inspectionProblems(input: InspectionInput, dates: RecordDates): InspectionProblems {
  const { score, reportedGrowth } = input;
  let scoreProblem: Problem | undefined;
  if (score === null) scoreProblem = problemOf('REQUIRED');
  else if (!Number.isFinite(score)) scoreProblem = problemOf('NOT_FINITE');
  else if (score < 0 || score > 100) scoreProblem = problemOf('SCORE_RANGE', { min: 0, max: 100, got: score });
  let growthProblem: Problem | undefined;
  if (reportedGrowth !== null && reportedGrowth !== undefined) {
    if (!Number.isFinite(reportedGrowth)) growthProblem = problemOf('NOT_FINITE');
    else if (reportedGrowth < REPORTED_GROWTH_RANGE.min || reportedGrowth > REPORTED_GROWTH_RANGE.max)
      growthProblem = problemOf('GROWTH_RANGE', { ...REPORTED_GROWTH_RANGE, got: reportedGrowth });
  }
  return only<keyof InspectionInput>({
    score: scoreProblem,
    findings: textProblem(input.findings, APPRAISAL_TEXT_LIMITS.findings, true),
    inspector: textProblem(input.inspector, APPRAISAL_TEXT_LIMITS.inspector, true),
    inspectedOn: dateProblem(input.inspectedOn, dates),
    reportedGrowth: growthProblem,
  });
}

/** What must be fixed in a special audit, by field; empty when it is acceptable. */
export function specialAuditProblems(input: SpecialAuditInput, dates: RecordDates): SpecialAuditProblems {
  const { totalSpending, findings } = input;
  const partOfSpending = (part: number | null): Problem | undefined => {
    const own = amountProblem(part);
    if (own || amountProblem(totalSpending) || part === null || totalSpending === null) return own;
    return part > totalSpending ? problemOf('EXCEEDS_SPENDING', { part, total: totalSpending }) : undefined;
  };
  let findingsProblem: Problem | undefined;
  if (findings === null) findingsProblem = problemOf('REQUIRED');
  else if (!Number.isInteger(findings)) findingsProblem = problemOf('COUNT_NOT_WHOLE');
  else if (findings < 0) findingsProblem = problemOf('NEGATIVE_COUNT', { got: findings });
  return only<keyof SpecialAuditInput>({
    debtAtStart: amountProblem(input.debtAtStart),
    debtAtEnd: amountProblem(input.debtAtEnd),
    irregularFunds: partOfSpending(input.irregularFunds),
    showcaseSpending: partOfSpending(input.showcaseSpending),
    totalSpending: amountProblem(totalSpending),
    findings: findingsProblem,
    auditBody: textProblem(input.auditBody, APPRAISAL_TEXT_LIMITS.auditBody, true),
    auditedOn: dateProblem(input.auditedOn, dates),
  });
}
