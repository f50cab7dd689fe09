import { isPeriod } from '@massline/shared';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import { toApiError, type ApiError } from '../../app/api-error';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { campaignTitle } from '../evaluation/evaluation-words';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { datedFilename, downloadText } from './download';
import { formatValue, indicatorName, indicatorUnit } from './harmony-format';
import { ObservationRevisions } from './observation-revisions';
import { ObservationsCsvQuery, ObservationsQuery } from './observation.operations';
import type { IndicatorCatalogue } from './use-harmony-data';

export type ObservationRow = ResultOf<typeof ObservationsQuery>['observations']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** Recent observations of the jurisdiction, filtered; each with its revisions; the filter exports to CSV. */
export function ObservationList({ catalogue }: { catalogue: IndicatorCatalogue }) {
  const i18n = useHarmonyI18n();
  const { t, locale, regionName, formatDateTime } = i18n;
  const { user } = useSession();
  const client = useClient();
  const regionInputId = useId();
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [periodText, setPeriodText] = useState('');
  const [indicatorCode, setIndicatorCode] = useState('');
  const [opened, setOpened] = useState<ObservationRow | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const typedPeriod = useDebouncedValue(periodText.trim());
  // Half-typed periods ("2026-") are not sent: the list filters once the period is whole.
  const period = isPeriod(typedPeriod) ? typedPeriod : '';
  const periodInvalid = typedPeriod !== '' && !period;
  const filter = useMemo(
    () => ({ withinId: region?.id ?? null, period: period || null, indicatorCode: indicatorCode || null }),
    [region, period, indicatorCode],
  );
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Observation'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ObservationsQuery,
    variables: { ...pages.variables, filter },
    context,
    // Imports answer with a report, not with observations: look again on every visit.
    requestPolicy: 'cache-and-network',
  });

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    const result = await client.query(ObservationsCsvQuery, { filter }, { requestPolicy: 'network-only' }).toPromise();
    setExporting(false);
    if (result.error) setExportError(toApiError(result.error));
    else if (result.data) downloadText(datedFilename('observations'), result.data.observationsCsv);
  };

  const nameOf = (code: string) => indicatorName(catalogue.byCode, code, locale);
  const columns: Column<ObservationRow>[] = [
    {
      id: 'region',
      header: t('field.region'),
      cell: (row) => (
        <>
          {regionName(row.region)} <small className="muted mono">{row.region.code}</small>
        </>
      ),
    },
    { id: 'period', header: t('harmony.period'), cell: (row) => row.period },
    { id: 'indicator', header: t('harmony.indicator'), cell: (row) => nameOf(row.indicatorCode) },
    {
      id: 'value',
      header: t('harmony.value'),
      className: 'numeric',
      cell: (row) => (
        <>
          {formatValue(locale, row.value)} <small className="muted">{indicatorUnit(catalogue.byCode, row.indicatorCode, locale)}</small>
          {row.rawCount !== null && (
            <small className="muted cell-note">
              {row.rawTotal === null
                ? t('harmony.rawCountOnly', { count: formatValue(locale, row.rawCount) })
                : t('harmony.rawFigures', { count: formatValue(locale, row.rawCount), total: formatValue(locale, row.rawTotal) })}
            </small>
          )}
        </>
      ),
    },
    { id: 'method', header: t('harmony.method'), cell: (row) => t(`harmony.observationMethod.${row.method}`) },
    { id: 'source', header: t('harmony.source'), cell: (row) => <ObservationSource row={row} /> },
    {
      id: 'entered',
      header: t('harmony.entered'),
      cell: (row) => (
        <>
          {formatDateTime(row.enteredAt)}
          <small className="muted cell-note">{row.enteredByLabel ?? '—'}</small>
        </>
      ),
    },
    {
      id: 'revision',
      header: t('harmony.revisions.column'),
      cell: (row) =>
        row.revision > 1 ? (
          <button type="button" className="button button-small" data-testid="revisions-open" onClick={() => setOpened(row)}>
            {t('harmony.revisions.open', { count: row.revision - 1 })}
          </button>
        ) : (
          <span className="muted">{t('harmony.revisions.first')}</span>
        ),
    },
  ];

  return (
    <section className="card" aria-labelledby="observation-list-title">
      <header className="card-header">
        <h2 id="observation-list-title">{t('harmony.observations.listTitle')}</h2>
        <button type="button" className="button" data-testid="observations-export" onClick={() => void exportCsv()} disabled={exporting}>
          {exporting ? t('harmony.observations.exporting') : t('harmony.observations.export')}
        </button>
      </header>
      {exportError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(exportError, i18n)}
        </div>
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="filter">
          <label htmlFor={regionInputId}>{t('harmony.observations.within')}</label>
          <RegionSelect
            control={{ id: regionInputId, 'aria-invalid': undefined, 'aria-describedby': undefined }}
            value={region}
            onChange={setRegion}
            withinId={user?.region.id}
            testId="observation-filter-region"
          />
        </div>
        <label className="filter">
          <span>{t('harmony.period')}</span>
          <input
            data-testid="observation-filter-period"
            placeholder={t('filter.anyPeriod')}
            aria-invalid={periodInvalid || undefined}
            value={periodText}
            onChange={(event) => setPeriodText(event.target.value)}
          />
        </label>
        <label className="filter">
          <span>{t('harmony.indicator')}</span>
          <select
            data-testid="observation-filter-indicator"
            value={indicatorCode}
            onChange={(event) => setIndicatorCode(event.target.value)}
          >
            <option value="">{t('filter.any')}</option>
            {catalogue.indicators.map((indicator) => (
              <option key={indicator.code} value={indicator.code}>
                {nameOf(indicator.code)}
              </option>
            ))}
          </select>
        </label>
        <div className="filter filter-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setRegion(null);
              setPeriodText('');
              setIndicatorCode('');
            }}
          >
            {t('filter.clear')}
          </button>
        </div>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('harmony.observations.listTitle')}
          columns={columns}
          rows={data.observations.edges.map((edge) => edge.node)}
          rowKey={(row) => row.id}
          rowTestId="observation-row"
          stale={fetching}
          emptyMessage={t('harmony.observations.none')}
          page={pageOf(data.observations, pages)}
        />
      )}
      {opened && (
        <ObservationRevisions observation={opened} indicatorLabel={nameOf(opened.indicatorCode)} onClose={() => setOpened(null)} />
      )}
    </section>
  );
}

/**
 * An observation's source: as entered, or — for a value fed by published campaigns (method CAMPAIGN) —
 * the campaigns by name in the reader's language, each linked to its results.
 */
function ObservationSource({ row }: { row: ObservationRow }) {
  const { t, locale } = useHarmonyI18n();
  if (row.method !== 'CAMPAIGN' || row.sourceCampaigns.length === 0) return <>{row.source ?? '—'}</>;
  return (
    <span data-testid="observation-source-campaigns">
      {t('harmony.sourceCampaigns')}{' '}
      {row.sourceCampaigns.map((campaign, i) => (
        <span key={campaign.id}>
          {i > 0 && '; '}
          <Link to={`/campaigns/${campaign.id}`}>{campaignTitle(locale, campaign)}</Link>
        </span>
      ))}
    </span>
  );
}
