import { harmony } from '@massline/shared';
import type { Locale } from '../../app/i18n/i18n-provider';
import type { HarmonyI18n } from './harmony-i18n';

/**
 * How the harmony pages write their figures: an index with one decimal, a change with its sign and an
 * arrow (never colour alone), grades by their names from the shared vocabulary.
 */

export type GradeCode = harmony.GradeCode;
export const GRADE_CODES: readonly GradeCode[] = ['HARMONIOUS', 'BASICALLY_HARMONIOUS', 'ATTENTION', 'WARNING'];

export function gradeName(grade: GradeCode, locale: Locale): string {
  return locale === 'en' ? harmony.GRADE_NAMES[grade].en : harmony.GRADE_NAMES[grade].zhCN;
}

/** A grade's name from a code of a rule's problem (any text): the code itself when it names no grade. */
export function gradeNameOf(code: string, locale: Locale): string {
  const grade = GRADE_CODES.find((candidate) => candidate === code);
  return grade ? gradeName(grade, locale) : code;
}

/** Numbers with a fixed number of decimals in the reader's locale; '—' for a missing value. */
export function formatFixed(locale: Locale, value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * An index as the server graded it: rounded by shared's rule (half away from zero on the decimal figure)
 * before formatting, since Intl would round 84.85 (a binary 84.8499…) down and show a figure the grade
 * was not given for.
 */
export function formatIndex(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatFixed(locale, harmony.roundIndex(value), harmony.INDEX_DECIMALS);
}

/** 0.653 → "65 %" (a share of weight or of population). */
export function formatShare(locale: Locale, fraction: number | null | undefined, decimals = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    fraction,
  );
}

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface FormattedChange {
  direction: ChangeDirection;
  /** ▲ / ▼ / ＝ : the direction in shape, for those who cannot tell colours apart. */
  arrow: string;
  /** "+1.2", "−0.4", "0.0" */
  text: string;
}

/** A change of the index in points, at the index's precision: a change that rounds to 0.0 is flat. */
export function formatChange(locale: Locale, change: number | null | undefined): FormattedChange | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const rounded = harmony.roundIndex(change);
  const magnitude = formatIndex(locale, Math.abs(rounded));
  if (rounded > 0) return { direction: 'up', arrow: '▲', text: `+${magnitude}` };
  if (rounded < 0) return { direction: 'down', arrow: '▼', text: `−${magnitude}` };
  return { direction: 'flat', arrow: '＝', text: magnitude };
}

export interface IndicatorNames {
  code: string;
  nameEn: string;
  nameZh: string;
  unitEn?: string;
  unitZh?: string;
}

/** An indicator's name in the reader's language; its code when the catalogue does not know it. */
export function indicatorName(catalogue: ReadonlyMap<string, IndicatorNames>, code: string, locale: Locale): string {
  const indicator = catalogue.get(code);
  if (!indicator) return code;
  return locale === 'en' ? indicator.nameEn : indicator.nameZh;
}

/** A methodology version's name and description in the reader's language (the English ones where no Chinese was given). */
export function methodologyWords(
  version: { name: string; nameZh?: string | null; description?: string | null; descriptionZh?: string | null },
  locale: Locale,
): { name: string; description: string | null } {
  if (locale === 'en') return { name: version.name, description: version.description ?? null };
  return { name: version.nameZh || version.name, description: version.descriptionZh || version.description || null };
}

export function indicatorUnit(catalogue: ReadonlyMap<string, IndicatorNames>, code: string, locale: Locale): string {
  const indicator = catalogue.get(code);
  return (locale === 'en' ? indicator?.unitEn : indicator?.unitZh) ?? '';
}

export function catalogueOf<Indicator extends IndicatorNames>(indicators: readonly Indicator[]): Map<string, Indicator> {
  return new Map(indicators.map((indicator) => [indicator.code, indicator]));
}

/** A raw indicator value: up to three significant decimals (a Gini of 0.355, 15.8 petitions). */
export function formatValue(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const decimals = Math.abs(value) < 1 ? 3 : Math.abs(value) < 100 ? 2 : 1;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
}

/** The figures an alert was raised with (its `details` JSON), as numbers. */
export function detailNumber(details: unknown, key: string): number | null {
  if (!details || typeof details !== 'object') return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export interface AlertLike {
  kind: 'INDEX_BELOW' | 'FALL_SINCE_PREVIOUS' | 'RED_LINE';
  indicatorCode: string | null;
  details: unknown;
}

/** One sentence that says why an alert was raised, with its figures. */
export function describeAlert(
  alert: AlertLike,
  i18n: Pick<HarmonyI18n, 't' | 'locale'>,
  catalogue: ReadonlyMap<string, IndicatorNames>,
): string {
  const { t, locale } = i18n;
  const index = formatIndex(locale, detailNumber(alert.details, 'index'));
  if (alert.kind === 'INDEX_BELOW') {
    return t('harmony.alertText.INDEX_BELOW', { index, threshold: formatIndex(locale, detailNumber(alert.details, 'threshold')) });
  }
  if (alert.kind === 'FALL_SINCE_PREVIOUS') {
    return t('harmony.alertText.FALL_SINCE_PREVIOUS', {
      index,
      fall: formatIndex(locale, detailNumber(alert.details, 'fall')),
      points: formatIndex(locale, detailNumber(alert.details, 'points')),
    });
  }
  const code = alert.indicatorCode ?? '';
  return t('harmony.alertText.RED_LINE', {
    indicator: indicatorName(catalogue, code, locale),
    value: `${formatValue(locale, detailNumber(alert.details, 'value'))} ${indicatorUnit(catalogue, code, locale)}`.trim(),
  });
}
