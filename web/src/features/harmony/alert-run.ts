import type { HarmonyI18n } from './harmony-i18n';

/** What the console shows of an alert's run of breaches. */
export interface AlertRunLike {
  period: string;
  firstPeriod: string;
  periodCount: number;
}

/** "for 5 periods, 2025-Q3 – 2026-Q3", or "in 2026-Q3" for an alert of one period. */
export function describeRun(alert: AlertRunLike, t: HarmonyI18n['t']): string {
  return alert.periodCount > 1
    ? t('harmony.alerts.runMany', { count: alert.periodCount, first: alert.firstPeriod, last: alert.period })
    : t('harmony.alerts.runOne', { last: alert.period });
}

/** How many alerts a confirmation speaks of: its message for one, or for many. */
export function countMessage<K extends string>(
  count: number,
  one: K,
  many: K,
  t: (key: K, params?: Record<string, number>) => string,
): string {
  return count === 1 ? t(one) : t(many, { count });
}
