import type { Locale } from '../../app/i18n/i18n-provider';

/**
 * How the results pages write satisfaction: a score on 0–100 with one decimal and its 95 % interval,
 * drawn as a bar from 0 to the score with the interval as a whisker; turnout as ballots against the
 * eligible citizens, with its share.
 */

export interface ScoreInterval {
  mean: number | null;
  low: number | null;
  high: number | null;
}

/** 82.46 → "82.5" in the reader's locale; '—' when there is no score. */
export function formatScore(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The interval as "78.1–86.9"; null without one. */
export function formatInterval(locale: Locale, interval: ScoreInterval): string | null {
  if (interval.low === null || interval.high === null) return null;
  return `${formatScore(locale, interval.low)}–${formatScore(locale, interval.high)}`;
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/** Where a bar and its whisker sit on a 0–100 track, in percent of its width; null without a score. */
export function intervalGeometry(interval: ScoreInterval): { bar: number; low: number; high: number } | null {
  if (interval.mean === null) return null;
  const bar = clampPercent(interval.mean);
  return { bar, low: clampPercent(interval.low ?? bar), high: clampPercent(interval.high ?? bar) };
}

/** Ballots as a share of the eligible citizens (0–1); null when nobody is eligible (nothing to divide by). */
export function turnoutShare(ballots: number, eligible: number): number | null {
  return eligible > 0 ? Math.min(1, ballots / eligible) : null;
}

/** A share as "12.5 %" in the reader's locale. */
export function formatPercent(locale: Locale, share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}
