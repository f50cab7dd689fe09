import { isoDate, isPeriod, periodProblems } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField, FormNotice } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { defaultEntryPeriod } from './download';
import { formatValue } from './harmony-format';
import { checkObservationEntry, effectiveMode, needsTotal, type EntryMode } from './observation-entry';
import { CurrentObservationQuery, RecordObservationMutation } from './observation.operations';
import type { IndicatorCatalogue } from './use-harmony-data';
import { useFieldMessages } from '../../lib/error-message';

/**
 * One observation: a value in the indicator's unit, or a raw count that the server turns into a rate
 * with the region's population (or households) of the period; a percentage needs the total too.
 * Recording a value that exists corrects it (the old one is kept as a revision): the form shows the value
 * it would replace and sends its revision, so that a correction made meanwhile by someone else is refused
 * (OBSERVATION_CHANGED) instead of silently overwritten.
 */
export function ObservationForm({ catalogue, periods }: { catalogue: IndicatorCatalogue; periods: readonly string[] }) {
  const i18n = useHarmonyI18n();
  const { t, locale, regionName } = i18n;
  const { user } = useSession();
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [period, setPeriod] = useState(defaultEntryPeriod);
  const [indicatorCode, setIndicatorCode] = useState('');
  const [mode, setMode] = useState<EntryMode>('value');
  const [value, setValue] = useState('');
  const [rawCount, setRawCount] = useState('');
  const [rawTotal, setRawTotal] = useState('');
  const [source, setSource] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<string | null>(null);
  const record = useApiMutation(RecordObservationMutation);
  const fields = { ...useFieldMessages(record.error), ...checks };
  const indicator = catalogue.byCode.get(indicatorCode);
  const countable = effectiveMode(indicator, 'count') === 'count';
  const shownMode = effectiveMode(indicator, mode);
  const withTotal = needsTotal(indicator, mode);
  const unit = indicator ? (locale === 'en' ? indicator.unitEn : indicator.unitZh) : '';
  const key =
    region && indicator && isPeriod(period.trim()) ? { regionId: region.id, period: period.trim(), indicatorCode: indicator.code } : null;
  const [currentResult, refetchCurrent] = useQuery({
    query: CurrentObservationQuery,
    variables: { filter: key ?? {} },
    pause: key === null,
    requestPolicy: 'cache-and-network',
  });
  const current = key ? (currentResult.data?.observations.edges[0]?.node ?? null) : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded(null);
    const found: Record<string, string> = {};
    if (!region) found.regionId = t('form.chooseRegion');
    const periodProblem = periodProblems(period.trim(), isoDate());
    if (periodProblem) found.period = t(`reason.${periodProblem}`);
    if (!indicator) found.indicatorCode = t('form.required');
    const entry = indicator ? checkObservationEntry(indicator, { mode, value, rawCount, rawTotal }, t) : null;
    Object.assign(found, entry?.problems);
    setChecks(found);
    if (!region || !indicator || !entry || Object.keys(found).length > 0) return;
    const done = await record.run({
      input: {
        regionId: region.id,
        period: period.trim(),
        indicatorCode: indicator.code,
        value: entry.value,
        rawCount: entry.rawCount,
        rawTotal: entry.rawTotal,
        source: source.trim() || null,
        // The revision the user saw; none for a new value (then a value recorded meanwhile is a conflict too).
        expectedRevision: current?.revision ?? null,
      },
    });
    refetchCurrent({ requestPolicy: 'network-only' });
    if (!done) return;
    const saved = done.recordObservation;
    setRecorded(
      t(saved.revision > 1 ? 'harmony.form.corrected' : 'harmony.form.recorded', {
        indicator: locale === 'en' ? indicator.nameEn : indicator.nameZh,
        region: regionName(saved.region),
        period: saved.period,
        value: `${formatValue(locale, saved.value)} ${unit}`.trim(),
        revision: saved.revision,
      }),
    );
    setValue('');
    setRawCount('');
    setRawTotal('');
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="observation-form-title" data-testid="observation-form">
      <h2 id="observation-form-title">{t('harmony.form.title')}</h2>
      {recorded && <FormNotice>{recorded}</FormNotice>}
      {current && (
        <p className="field-hint" role="status" data-testid="observation-current">
          {t('harmony.form.current', {
            value: `${formatValue(locale, current.value)} ${unit}`.trim(),
            revision: current.revision,
            by: current.enteredByLabel ?? '—',
            at: i18n.formatDateTime(current.enteredAt),
          })}
        </p>
      )}
      <FormAlert error={record.error} />
      <div className="form-grid">
        <FormField label={t('field.region')} hint={t('harmony.form.regionHint')} error={fields.regionId}>
          {(control) => (
            <RegionSelect control={control} value={region} onChange={setRegion} withinId={user?.region.id} testId="observation-region" />
          )}
        </FormField>
        <FormField label={t('harmony.period')} hint={t('form.periodHint')} error={fields.period}>
          {(control) => (
            <>
              <input
                {...control}
                data-testid="observation-period"
                list="observation-periods"
                value={period}
                onChange={(event) => setPeriod(event.target.value)}
              />
              <datalist id="observation-periods">
                {periods.map((code) => (
                  <option key={code} value={code} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField label={t('harmony.indicator')} error={fields.indicatorCode}>
          {(control) => (
            <select
              {...control}
              data-testid="observation-indicator"
              value={indicatorCode}
              onChange={(event) => setIndicatorCode(event.target.value)}
            >
              <option value="">{catalogue.fetching ? t('state.loading') : t('form.choose')}</option>
              {catalogue.indicators.map((candidate) => (
                <option key={candidate.code} value={candidate.code}>
                  {locale === 'en' ? candidate.nameEn : candidate.nameZh} ({locale === 'en' ? candidate.unitEn : candidate.unitZh})
                </option>
              ))}
            </select>
          )}
        </FormField>
        {countable && (
          <fieldset className="field">
            <legend>{t('harmony.form.entryMode')}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="entry-mode"
                checked={shownMode === 'value'}
                onChange={() => setMode('value')}
                data-testid="observation-mode-value"
              />
              {t('harmony.form.modeValue', { unit })}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="entry-mode"
                checked={shownMode === 'count'}
                onChange={() => setMode('count')}
                data-testid="observation-mode-count"
              />
              {t('harmony.form.modeCount')}
            </label>
          </fieldset>
        )}
        {shownMode === 'value' ? (
          <FormField label={unit ? t('harmony.form.valueIn', { unit }) : t('harmony.form.value')} error={fields.value}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="decimal"
                step="any"
                data-testid="observation-value"
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            )}
          </FormField>
        ) : (
          <>
            <FormField
              label={t('harmony.form.rawCount')}
              hint={indicator ? t(`harmony.rateBasisHint.${indicator.rateBasis}`) : undefined}
              error={fields.rawCount}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  data-testid="observation-raw-count"
                  value={rawCount}
                  onChange={(event) => setRawCount(event.target.value)}
                />
              )}
            </FormField>
            {withTotal && (
              <FormField label={t('harmony.form.rawTotal')} hint={t('harmony.form.rawTotalHint')} error={fields.rawTotal}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    data-testid="observation-raw-total"
                    value={rawTotal}
                    onChange={(event) => setRawTotal(event.target.value)}
                  />
                )}
              </FormField>
            )}
          </>
        )}
        <FormField label={t('harmony.source')} hint={t('harmony.form.sourceHint')} error={fields.source}>
          {(control) => (
            <input
              {...control}
              maxLength={300}
              data-testid="observation-source"
              value={source}
              onChange={(event) => setSource(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="observation-submit" disabled={record.fetching}>
          {t('harmony.form.submit')}
        </button>
      </div>
      {record.error?.message && record.error.code === 'BAD_USER_INPUT' && Object.keys(record.error.fields).length === 0 && (
        <p className="muted">{record.error.message}</p>
      )}
    </form>
  );
}
