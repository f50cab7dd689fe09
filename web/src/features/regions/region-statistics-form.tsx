import { useState, type FormEvent } from 'react';
import { useRegionsI18n } from './regions-i18n';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { SetRegionStatisticsMutation } from './region.operations';
import { useFieldMessages } from '../../lib/error-message';

interface RegionStatisticsFormProps {
  region: { id: string; name: string; nameEn: string };
  /** The region's latest figures: the form starts from them, to be corrected or carried to a new period. */
  current?: { period: string; population: number; households: number };
  onDone(): void;
}

/** Population and households of a region for one period (a year, quarter or month). */
export function RegionStatisticsForm({ region, current, onDone }: RegionStatisticsFormProps) {
  const { t, regionName } = useRegionsI18n();
  const [period, setPeriod] = useState(current?.period ?? String(new Date().getFullYear()));
  const [population, setPopulation] = useState(current ? String(current.population) : '');
  const [households, setHouseholds] = useState(current ? String(current.households) : '');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const mutation = useApiMutation(SetRegionStatisticsMutation);
  const fields = { ...useFieldMessages(mutation.error), ...checks };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!period.trim()) found.period = t('form.required');
    if (!Number.isInteger(Number(population)) || Number(population) < 1) found.population = t('form.positiveInteger');
    if (!Number.isInteger(Number(households)) || Number(households) < 1) found.households = t('form.positiveInteger');
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const saved = await mutation.run({
      input: { regionId: region.id, period: period.trim(), population: Number(population), households: Number(households) },
    });
    if (saved) onDone();
  };

  return (
    <form className="form form-inline" onSubmit={onSubmit} noValidate aria-label={t('regions.statisticsFor', { name: regionName(region) })}>
      <FormAlert error={mutation.error} />
      <div className="form-row">
        <FormField label={t('regions.period')} hint={t('form.periodHint')} error={fields.period}>
          {(control) => (
            <input {...control} data-testid="statistics-period" value={period} onChange={(event) => setPeriod(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('regions.population')} error={fields.population}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              step={1}
              data-testid="statistics-population"
              value={population}
              onChange={(event) => setPopulation(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('regions.households')} error={fields.households}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              step={1}
              data-testid="statistics-households"
              value={households}
              onChange={(event) => setHouseholds(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.fetching}>
          {t('action.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
