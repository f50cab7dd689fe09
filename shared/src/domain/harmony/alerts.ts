/**
 * Prompts and warnings (PRODUCT.md, "Prompts and warnings"): the rules of a methodology, evaluated on
 * one assessment. Pure: the server stores what this returns; the console can preview a rule with it.
 */
import { isFiniteNumber, notFiniteMessage } from './errors';
import { problem, throwFirstProblem, type RuleProblem } from './rule-problems';
import type { GradeCode } from './grades';
import { roundIndex } from './precision';

export type AlertRule =
  /** The index is below a threshold (e.g. the lower edge of a grade band). */
  | { readonly kind: 'INDEX_BELOW'; readonly threshold: number }
  /** The index fell by more than `points` since the previous period. */
  | { readonly kind: 'FALL_SINCE_PREVIOUS'; readonly points: number }
  /** An indicator is past its red line (the methodology's per-indicator red lines). */
  | { readonly kind: 'RED_LINE' };

export type AlertKind = AlertRule['kind'];
/** Every kind of rule, in the order the API lists them. */
export const ALERT_KINDS: readonly AlertKind[] = ['INDEX_BELOW', 'FALL_SINCE_PREVIOUS', 'RED_LINE'];

/** Where an alert stands: open → acknowledged → resolved. */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Warn below the "attention" band, on a fall of more than 5 points, and on every red line. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = Object.freeze([
  { kind: 'INDEX_BELOW', threshold: 60 },
  { kind: 'FALL_SINCE_PREVIOUS', points: 5 },
  { kind: 'RED_LINE' },
]);

export interface AlertInput {
  readonly index: number | null;
  readonly grade: GradeCode | null;
  readonly previousIndex: number | null;
  readonly indicators: readonly { readonly code: string; readonly rawValue: number | null; readonly pastRedLine: boolean }[];
}

export interface TriggeredAlert {
  readonly kind: AlertKind;
  /** The indicator concerned (RED_LINE only). */
  readonly indicatorCode: string | null;
  /** The figures that triggered it, for the message. */
  readonly details: Readonly<Record<string, number | string | null>>;
}

/**
 * Each rule at most once, thresholds on 0–100 and falls between 0 and 100 points. Field:
 * `alertRules.<kind>`.
 */
export function alertRulesProblems(rules: readonly AlertRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const field = `alertRules.${rule.kind}`;
    if (seen.has(rule.kind)) {
      problems.push(problem(field, 'DUPLICATE_CODE', `alert rule ${rule.kind} appears twice`, { kind: rule.kind }));
      continue;
    }
    seen.add(rule.kind);
    if (rule.kind === 'INDEX_BELOW') {
      if (!isFiniteNumber(rule.threshold))
        problems.push(problem(field, 'NON_FINITE_VALUE', notFiniteMessage('alert threshold', rule.threshold)));
      else if (rule.threshold <= 0 || rule.threshold > 100)
        problems.push(
          problem(field, 'INVALID_THRESHOLD', 'an index threshold is between 0 and 100', { got: rule.threshold, min: 0, max: 100 }),
        );
    }
    if (rule.kind === 'FALL_SINCE_PREVIOUS') {
      if (!isFiniteNumber(rule.points)) problems.push(problem(field, 'NON_FINITE_VALUE', notFiniteMessage('alert fall', rule.points)));
      else if (rule.points <= 0 || rule.points >= 100)
        problems.push(
          problem(field, 'INVALID_THRESHOLD', 'a fall is more than 0 and less than 100 points', { got: rule.points, min: 0, max: 100 }),
        );
    }
  }
  return problems;
}

/** The throwing form of alertRulesProblems (the server's). */
export function validateAlertRules(rules: readonly AlertRule[]): void {
  throwFirstProblem(alertRulesProblems(rules));
}

/**
 * The alerts an assessment raises under the rules, in rule order (one per indicator for red lines).
 * Indices and falls are compared as shown (precision.ts): 59.95 is shown 60.0 and is not "below 60",
 * and the figures in an alert's message are those the dashboard shows.
 */
export function evaluateAlertRules(rules: readonly AlertRule[], input: AlertInput): TriggeredAlert[] {
  const alerts: TriggeredAlert[] = [];
  const index = roundIndex(input.index);
  const previousIndex = roundIndex(input.previousIndex);
  for (const rule of rules) {
    if (rule.kind === 'INDEX_BELOW' && index !== null && index < rule.threshold) {
      alerts.push({ kind: rule.kind, indicatorCode: null, details: { index, threshold: rule.threshold, grade: input.grade } });
    }
    if (rule.kind === 'FALL_SINCE_PREVIOUS' && index !== null && previousIndex !== null) {
      const fall = roundIndex(previousIndex - index);
      if (fall > rule.points) {
        alerts.push({
          kind: rule.kind,
          indicatorCode: null,
          details: { index, previousIndex, fall, points: rule.points },
        });
      }
    }
    if (rule.kind === 'RED_LINE') {
      for (const indicator of input.indicators) {
        if (indicator.pastRedLine) alerts.push({ kind: rule.kind, indicatorCode: indicator.code, details: { value: indicator.rawValue } });
      }
    }
  }
  return alerts;
}

/**
 * The one figure an alert follows from quarter to quarter (its trend): the index for the index rules,
 * the indicator's value for a red line. Null when the figures do not have it.
 */
export function alertValue(kind: AlertKind, details: Readonly<Record<string, number | string | null>>): number | null {
  const value = kind === 'RED_LINE' ? details.value : details.index;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
