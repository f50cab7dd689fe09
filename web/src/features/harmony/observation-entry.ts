import { harmony, parseDecimal } from '@massline/shared';
import { numberOrNaN } from '../../lib/parse-number';
import type { HarmonyI18n } from './harmony-i18n';

/**
 * The numbers of the observation form: a value in the indicator's unit, or a raw count (and, for a
 * percentage, its total). Checked with shared's observationValue, the rule the server applies to the
 * form, the API and the CSV import alike; only the region's population and households are the server's
 * to know, so a per-resident rate is checked here for its count alone.
 */
export type EntryMode = 'value' | 'count';

export interface ObservationEntry {
  mode: EntryMode;
  value: string;
  rawCount: string;
  rawTotal: string;
}

export type EntryField = 'value' | 'rawCount' | 'rawTotal';

export interface CheckedEntry {
  /** What must be fixed, by field; empty when the entry can be sent. */
  problems: Partial<Record<EntryField, string>>;
  /** The mutation's numbers (null where the mode does not use them). */
  value: number | null;
  rawCount: number | null;
  rawTotal: number | null;
}

/** A count is possible only for an indicator with a rate basis; otherwise the form takes a value. */
export function effectiveMode(indicator: harmony.IndicatorShape | undefined, mode: EntryMode): EntryMode {
  return indicator !== undefined && indicator.rateBasis !== 'NONE' ? mode : 'value';
}

/** A percentage entered as a count needs the total it is a part of. */
export function needsTotal(indicator: harmony.IndicatorShape | undefined, mode: EntryMode): boolean {
  return effectiveMode(indicator, mode) === 'count' && indicator?.rateBasis === 'PERCENT';
}

/** Stand-ins for the denominators only the server knows: any positive number keeps a count's checks. */
const UNKNOWN_DENOMINATORS: harmony.RateDenominators = { population: 1, households: 1 };

export function checkObservationEntry(indicator: harmony.IndicatorShape, entry: ObservationEntry, t: HarmonyI18n['t']): CheckedEntry {
  const mode = effectiveMode(indicator, entry.mode);
  const withTotal = needsTotal(indicator, entry.mode);
  const checked: CheckedEntry = {
    problems: {},
    value: mode === 'value' ? parseDecimal(entry.value) : null,
    rawCount: mode === 'count' ? parseDecimal(entry.rawCount) : null,
    rawTotal: withTotal ? parseDecimal(entry.rawTotal) : null,
  };
  try {
    harmony.observationValue(
      indicator,
      // Bad or empty text is NaN, which the rule refuses as not a number (null would mean "not given").
      mode === 'value' ? { value: numberOrNaN(entry.value) } : { rawCount: numberOrNaN(entry.rawCount), rawTotal: checked.rawTotal },
      UNKNOWN_DENOMINATORS,
    );
  } catch (error) {
    if (!harmony.isHarmonyMathError(error)) throw error;
    const field: EntryField = mode === 'value' ? 'value' : 'rawCount';
    if (error.code === 'MISSING_DENOMINATOR' || error.code === 'INVALID_DENOMINATOR')
      checked.problems.rawTotal = t('harmony.form.positiveNumber');
    else if (error.code === 'COUNT_EXCEEDS_TOTAL') checked.problems.rawCount = t('harmony.form.countAboveTotal');
    else if (error.code === 'INVALID_OPTION') checked.problems[field] = rangeMessage(indicator, t);
    else checked.problems[field] = t(mode === 'value' ? 'harmony.form.number' : 'harmony.form.wholeNumber');
  }
  return checked;
}

/** The indicator's range (shared's valueRange), in words. */
function rangeMessage(indicator: harmony.IndicatorShape, t: HarmonyI18n['t']): string {
  const { min, max } = harmony.valueRange(indicator);
  return max === Number.POSITIVE_INFINITY ? t('harmony.form.atLeast', { min }) : t('harmony.form.range', { min, max });
}
