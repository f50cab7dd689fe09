import { harmony } from '@massline/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, type Column } from '../../lib/data-table';
import { FormAlert, FormField } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { RankIntervalChart } from './charts/rank-interval-chart';
import { formatFixed, formatIndex, formatShare } from './harmony-format';
import { SensitivityRunQuery, StartSensitivityRunMutation } from './sensitivity.operations';
import { useAssessedPeriods } from './use-harmony-data';
import { useFieldMessages } from '../../lib/error-message';

type SensitivityRun = NonNullable<ResultOf<typeof SensitivityRunQuery>['sensitivityRun']>;
type RankInterval = SensitivityRun['regions'][number];

/** How often a running run is asked for its progress. */
const POLL_MS = 300;

/**
 * How robust is the ranking of a region's children to the choice of weights? A Monte Carlo run perturbs
 * the weights; while it runs its progress is polled, then each region's rank interval is drawn.
 */
export function SensitivityPage() {
  const { t } = useHarmonyI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const { periods } = useAssessedPeriods(user?.region.id);
  const [chosenPeriod, setChosenPeriod] = useState('');
  const [parent, setParent] = useState<RegionOption | null>(user ? user.region : null);
  const [runs, setRuns] = useState(String(harmony.DEFAULT_SENSITIVITY_RUNS));
  const [perturbation, setPerturbation] = useState(String(harmony.DEFAULT_WEIGHT_PERTURBATION * 100));
  const [seed, setSeed] = useState(String(harmony.DEFAULT_SENSITIVITY_SEED));
  const [checks, setChecks] = useState<Record<string, string>>({});
  const start = useApiMutation(StartSensitivityRunMutation);
  const fields = { ...useFieldMessages(start.error), ...checks };
  const period = chosenPeriod || periods[0]?.period || '';

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SensitivityRunQuery,
    variables: { id: runId ?? '' },
    pause: !runId,
    requestPolicy: 'network-only',
  });
  const run = data?.sensitivityRun;
  // A run that is gone (or another caller's) is null with NOT_FOUND beside it: said as such, not as an error.
  const gone = Boolean(runId && data && !run);

  // Poll while the run is running: the next request only once the previous answer is in.
  useEffect(() => {
    if (!runId || fetching || run?.status !== 'RUNNING') return;
    const timer = window.setTimeout(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [runId, fetching, run, reexecute]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const runCount = Number(runs);
    const share = Number(perturbation) / 100;
    const seedNumber = Number(seed);
    if (!period) found.period = t('form.required');
    if (!parent) found.parentId = t('form.chooseRegion');
    if (!Number.isInteger(runCount) || runCount < 1 || runCount > 20000) found.runs = t('harmony.sensitivity.runsRange');
    if (!Number.isFinite(share) || share < 0 || share > 0.9) found.perturbation = t('harmony.sensitivity.perturbationRange');
    if (!Number.isInteger(seedNumber)) found.seed = t('harmony.form.wholeNumber');
    setChecks(found);
    if (!parent || Object.keys(found).length > 0) return;
    const started = await start.run({ input: { period, parentId: parent.id, runs: runCount, perturbation: share, seed: seedNumber } });
    if (started) setParams({ run: started.startSensitivityRun.id });
  };

  const running = run?.status === 'RUNNING';
  return (
    <section className="page" data-testid="sensitivity-page">
      <header className="page-header">
        <h1>{t('harmony.sensitivity.title')}</h1>
        <p className="page-intro">{t('harmony.sensitivity.intro')}</p>
      </header>
      <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="sensitivity-form-title">
        <h2 id="sensitivity-form-title">{t('harmony.sensitivity.formTitle')}</h2>
        <FormAlert error={start.error} />
        <div className="form-grid">
          <FormField label={t('harmony.period')} error={fields.period}>
            {(control) => (
              <select
                {...control}
                data-testid="sensitivity-period"
                value={period}
                onChange={(event) => setChosenPeriod(event.target.value)}
              >
                {periods.length === 0 && <option value="">{t('state.loading')}</option>}
                {periods.map((entry) => (
                  <option key={entry.period} value={entry.period}>
                    {entry.published ? entry.period : t('harmony.periodUnpublished', { period: entry.period })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('harmony.sensitivity.parent')} hint={t('harmony.sensitivity.parentHint')} error={fields.parentId}>
            {(control) => (
              <RegionSelect control={control} value={parent} onChange={setParent} withinId={user?.region.id} testId="sensitivity-parent" />
            )}
          </FormField>
          <FormField label={t('harmony.sensitivity.runs')} hint={t('harmony.sensitivity.runsHint')} error={fields.runs}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={20000}
                step={1}
                data-testid="sensitivity-runs"
                value={runs}
                onChange={(event) => setRuns(event.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('harmony.sensitivity.perturbation')}
            hint={t('harmony.sensitivity.perturbationHint')}
            error={fields.perturbation}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={0}
                max={90}
                step="any"
                data-testid="sensitivity-perturbation"
                value={perturbation}
                onChange={(event) => setPerturbation(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('harmony.sensitivity.seed')} hint={t('harmony.sensitivity.seedHint')} error={fields.seed}>
            {(control) => (
              <input
                {...control}
                type="number"
                step={1}
                data-testid="sensitivity-seed"
                value={seed}
                onChange={(event) => setSeed(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="sensitivity-start" disabled={start.fetching || running}>
            {t('harmony.sensitivity.start')}
          </button>
        </div>
      </form>
      {runId && !data && fetching && <Loading />}
      {error && !gone && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {gone && <p className="alert alert-warning">{t('harmony.sensitivity.gone')}</p>}
      {run && <SensitivityResult run={run} />}
    </section>
  );
}

function SensitivityResult({ run }: { run: SensitivityRun }) {
  const { t, locale, regionName, formatDateTime } = useHarmonyI18n();
  const rows = [...run.regions].sort((a, b) => (a.nominalRank ?? Infinity) - (b.nominalRank ?? Infinity));
  const columns: Column<RankInterval>[] = [
    { id: 'region', header: t('harmony.region'), cell: (row) => regionName(row.region) },
    { id: 'index', header: t('harmony.index'), className: 'numeric', cell: (row) => formatIndex(locale, row.nominalIndex) },
    { id: 'nominal', header: t('harmony.sensitivity.nominalRank'), className: 'numeric', cell: (row) => row.nominalRank ?? '—' },
    {
      id: 'median',
      header: t('harmony.sensitivity.medianRank'),
      className: 'numeric',
      cell: (row) => formatFixed(locale, row.medianRank, 1),
    },
    {
      id: 'interval',
      header: t('harmony.sensitivity.interval'),
      className: 'numeric',
      cell: (row) => `${formatFixed(locale, row.percentile5Rank, 1)} – ${formatFixed(locale, row.percentile95Rank, 1)}`,
    },
  ];
  return (
    <section className="card" aria-labelledby="sensitivity-result-title" data-testid="sensitivity-result">
      <h2 id="sensitivity-result-title">{t('harmony.sensitivity.resultTitle', { period: run.period })}</h2>
      <p className="muted">
        {t('harmony.sensitivity.settings', {
          runs: run.runs,
          perturbation: formatShare(locale, run.perturbation),
          seed: run.seed,
          aggregation: t(`harmony.aggregation.${run.aggregation}`),
          started: formatDateTime(run.startedAt),
        })}
      </p>
      {run.status === 'RUNNING' && (
        <div className="run-progress" aria-live="polite">
          <progress
            data-testid="sensitivity-progress"
            aria-label={t('harmony.sensitivity.progress')}
            max={100}
            value={Math.round(run.progress * 100)}
          />
          <span>{t('harmony.sensitivity.running', { percent: Math.round(run.progress * 100) })}</span>
        </div>
      )}
      {run.status === 'FAILED' && (
        <div className="alert alert-error" role="alert">
          {t('harmony.sensitivity.failed')} {run.error}
        </div>
      )}
      {run.status === 'DONE' && (
        <>
          <RankIntervalChart
            testId="rank-interval-chart"
            title={t('harmony.sensitivity.chartTitle', { period: run.period })}
            description={t('harmony.sensitivity.chartDescription', { count: rows.length })}
            count={rows.length}
            rows={rows.map((row) => ({
              id: row.region.id,
              label: regionName(row.region),
              nominalRank: row.nominalRank,
              medianRank: row.medianRank,
              low: row.percentile5Rank,
              high: row.percentile95Rank,
            }))}
          />
          <DataTable
            caption={t('harmony.sensitivity.chartTitle', { period: run.period })}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.region.id}
            rowTestId="sensitivity-row"
            emptyMessage={t('harmony.sensitivity.noRegions')}
          />
        </>
      )}
    </section>
  );
}
