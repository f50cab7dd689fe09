import type { Dispatch, SetStateAction } from 'react';
import { useHarmonyI18n } from './harmony-i18n';
import { formatFixed, indicatorName } from './harmony-format';
import {
  equalized,
  NORMALIZATION_KINDS,
  scaledToOne,
  weightSum,
  weightsTotalOne,
  type IndicatorDraft,
  type MethodologyDraft,
} from './methodology-draft';
import type { IndicatorCatalogue } from './use-harmony-data';

interface WeightsFieldsetProps {
  draft: MethodologyDraft;
  setDraft: Dispatch<SetStateAction<MethodologyDraft>>;
  fields: Record<string, string>;
  catalogue: IndicatorCatalogue;
}

/**
 * The indicators of a new version: included or not, weight, normalization and goalposts, red line. The
 * weights' sum is checked as it is typed and stays in view (Equalize and Scale to 1 help reach 1).
 */
export function WeightsFieldset({ draft, setDraft, fields, catalogue }: WeightsFieldsetProps) {
  const { t, locale } = useHarmonyI18n();
  const sum = weightSum(draft);
  const sumOk = weightsTotalOne(sum);
  // Three decimals unless they would hide that the sum is not exactly 1.
  const sumText = formatFixed(locale, sum, sumOk || Math.abs(sum - 1) >= 0.0005 ? 3 : 6);
  const setIndicator = (code: string, change: Partial<IndicatorDraft>) =>
    setDraft((current) => ({
      ...current,
      indicators: current.indicators.map((indicator) => (indicator.code === code ? { ...indicator, ...change } : indicator)),
    }));

  return (
    <fieldset className="field">
      <legend>{t('harmony.methodology.indicators')}</legend>
      {fields.indicators && <small className="field-error">{fields.indicators}</small>}
      <div className="weights-table" role="group" aria-label={t('harmony.methodology.indicators')}>
        {draft.indicators.map((indicator) => {
          const name = indicatorName(catalogue.byCode, indicator.code, locale);
          const goalpostsError = fields[`goalposts.${indicator.code}`];
          return (
            <div key={indicator.code} className={indicator.included ? 'weight-row' : 'weight-row is-excluded'} data-testid="weight-row">
              <label className="checkbox weight-name">
                <input
                  type="checkbox"
                  checked={indicator.included}
                  onChange={(event) => setIndicator(indicator.code, { included: event.target.checked })}
                />
                {name}
              </label>
              <label className="filter">
                <span>{t('harmony.methodology.weight')}</span>
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={1}
                  step="any"
                  disabled={!indicator.included}
                  data-testid={`weight-${indicator.code}`}
                  aria-invalid={fields[`weight.${indicator.code}`] ? true : undefined}
                  value={indicator.weight}
                  onChange={(event) => setIndicator(indicator.code, { weight: event.target.value })}
                />
                {fields[`weight.${indicator.code}`] && <small className="field-error">{fields[`weight.${indicator.code}`]}</small>}
              </label>
              <label className="filter">
                <span>{t('harmony.methodology.normalization')}</span>
                <select
                  disabled={!indicator.included}
                  value={indicator.normalization}
                  onChange={(event) =>
                    setIndicator(indicator.code, {
                      normalization: NORMALIZATION_KINDS.find((kind) => kind === event.target.value) ?? 'GOALPOSTS',
                    })
                  }
                >
                  {NORMALIZATION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`harmony.normalization.${kind}`)}
                    </option>
                  ))}
                </select>
              </label>
              {indicator.normalization === 'GOALPOSTS' && (
                <>
                  <label className="filter">
                    <span>{t('harmony.methodology.lower')}</span>
                    <input
                      type="number"
                      step="any"
                      disabled={!indicator.included}
                      aria-invalid={goalpostsError ? true : undefined}
                      value={indicator.lower}
                      onChange={(event) => setIndicator(indicator.code, { lower: event.target.value })}
                    />
                  </label>
                  <label className="filter">
                    <span>{t('harmony.methodology.upper')}</span>
                    <input
                      type="number"
                      step="any"
                      disabled={!indicator.included}
                      aria-invalid={goalpostsError ? true : undefined}
                      value={indicator.upper}
                      onChange={(event) => setIndicator(indicator.code, { upper: event.target.value })}
                    />
                  </label>
                </>
              )}
              <label className="filter">
                <span>{t('harmony.methodology.redLine')}</span>
                <input
                  type="number"
                  step="any"
                  disabled={!indicator.included}
                  value={indicator.redLine}
                  onChange={(event) => setIndicator(indicator.code, { redLine: event.target.value })}
                />
              </label>
              {goalpostsError && <small className="field-error weight-row-error">{goalpostsError}</small>}
            </div>
          );
        })}
      </div>
      {/* The sum stays in view while the weights are edited (sticky at the bottom of the screen). */}
      <div className="weight-sum-bar">
        <div className={sumOk ? 'weight-sum is-ok' : 'weight-sum is-wrong'} aria-live="polite" data-testid="weight-sum">
          <span aria-hidden="true">{sumOk ? '✓ ' : '✖ '}</span>
          {t('harmony.methodology.weightSum', { sum: sumText })}
          {!sumOk && <span> — {t('harmony.methodology.problem.weightSum')}</span>}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-small" data-testid="weights-equalize" onClick={() => setDraft(equalized(draft))}>
            {t('harmony.methodology.equalize')}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="weights-scale"
            onClick={() => setDraft(scaledToOne(draft))}
            disabled={!(sum > 0)}
          >
            {t('harmony.methodology.scaleToOne')}
          </button>
        </div>
      </div>
      <small className="field-hint">{t('harmony.methodology.redLineHint')}</small>
    </fieldset>
  );
}
