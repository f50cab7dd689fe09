import { subject } from '@casl/ability';
import { harmony, isPeriod } from '@massline/shared';
import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { AcknowledgeAlertMutation, AlertsQuery, ResolveAlertMutation } from './alert.operations';
import { describeAlert } from './harmony-format';
import { useIndicatorCatalogue } from './use-harmony-data';

type AlertRow = ResultOf<typeof AlertsQuery>['alerts']['edges'][number]['node'];
const STATUSES = harmony.ALERT_STATUSES;

const PAGE_SIZE = 25;

/** Prompts and warnings of the jurisdiction: organizations acknowledge and resolve them; auditors read. */
export function AlertsPage() {
  const i18n = useHarmonyI18n();
  const { t, regionName, formatDateTime } = i18n;
  const { user } = useSession();
  const catalogue = useIndicatorCatalogue();
  const regionInputId = useId();
  const [status, setStatus] = useState<harmony.AlertStatus | ''>('OPEN');
  const [periodText, setPeriodText] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const typedPeriod = useDebouncedValue(periodText.trim());
  // Half-typed periods ("2026-") are not sent: the list filters once the period is whole.
  const period = isPeriod(typedPeriod) ? typedPeriod : '';
  const periodInvalid = typedPeriod !== '' && !period;
  const filter = useMemo(
    () => ({ status: status || null, period: period || null, withinId: region?.id ?? null }),
    [status, period, region],
  );
  const pages = useCursorPages(JSON.stringify(filter));
  const context = useMemo(() => ({ additionalTypenames: ['Alert'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AlertsQuery,
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    context,
    requestPolicy: 'cache-and-network',
  });

  const columns: Column<AlertRow>[] = [
    {
      id: 'alert',
      header: t('harmony.alerts.alert'),
      cell: (alert) => (
        <span className="alert-cell">
          <strong>{t(`harmony.alertKind.${alert.kind}`)}</strong>
          <span>{describeAlert(alert, i18n, catalogue.byCode)}</span>
        </span>
      ),
    },
    {
      id: 'region',
      header: t('field.region'),
      cell: (alert) => (
        <>
          {regionName(alert.region)} <small className="muted mono">{alert.region.code}</small>
        </>
      ),
    },
    { id: 'period', header: t('harmony.period'), cell: (alert) => alert.period },
    { id: 'raised', header: t('harmony.alerts.raised'), cell: (alert) => formatDateTime(alert.raisedAt) },
    {
      id: 'status',
      header: t('harmony.alerts.status'),
      cell: (alert) => (
        <span className="status-cell">
          <span className={`badge alert-status-${alert.status.toLowerCase()}`} data-testid="alert-status">
            {t(`harmony.alertStatus.${alert.status}`)}
          </span>
          {alert.acknowledgedAt && (
            <small className="muted">
              {t('harmony.alerts.acknowledgedBy', { who: alert.acknowledgedBy ?? '—', when: formatDateTime(alert.acknowledgedAt) })}
            </small>
          )}
          {alert.resolvedAt && (
            <small className="muted">
              {t('harmony.alerts.resolvedBy', { who: alert.resolvedBy ?? '—', when: formatDateTime(alert.resolvedAt) })}
            </small>
          )}
          {alert.resolutionNote && <small>“{alert.resolutionNote}”</small>}
        </span>
      ),
    },
    { id: 'actions', header: t('table.actions'), className: 'cell-actions', cell: (alert) => <AlertActions alert={alert} /> },
  ];

  return (
    <section className="page" data-testid="alerts-page">
      <header className="page-header">
        <h1>{t('harmony.alerts.title')}</h1>
        <p className="page-intro">{t('harmony.alerts.intro')}</p>
      </header>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('harmony.alerts.status')}</span>
          <select
            data-testid="alert-filter-status"
            value={status}
            onChange={(event) => setStatus(STATUSES.find((candidate) => candidate === event.target.value) ?? '')}
          >
            <option value="">{t('filter.any')}</option>
            {STATUSES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`harmony.alertStatus.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('harmony.period')}</span>
          <input
            data-testid="alert-filter-period"
            placeholder={t('filter.anyPeriod')}
            aria-invalid={periodInvalid || undefined}
            value={periodText}
            onChange={(event) => setPeriodText(event.target.value)}
          />
        </label>
        <div className="filter">
          <label htmlFor={regionInputId}>{t('harmony.observations.within')}</label>
          <RegionSelect
            control={{ id: regionInputId, 'aria-invalid': undefined, 'aria-describedby': undefined }}
            value={region}
            onChange={setRegion}
            withinId={user?.region.id}
            testId="alert-filter-region"
          />
        </div>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('harmony.alerts.title')}
          columns={columns}
          rows={data.alerts.edges.map((edge) => edge.node)}
          rowKey={(alert) => alert.id}
          rowTestId="alert-row"
          stale={fetching}
          emptyMessage={t('harmony.alerts.none')}
          page={pageOf(data.alerts, pages, PAGE_SIZE)}
        />
      )}
    </section>
  );
}

/**
 * Acknowledge, or resolve with a note: the actions shared's transition table allows from the alert's
 * status (the server refuses the others), and only where the ability allows it (never for auditors).
 */
function AlertActions({ alert }: { alert: AlertRow }) {
  const i18n = useHarmonyI18n();
  const { t } = i18n;
  const ability = useAppAbility();
  const acknowledge = useApiMutation(AcknowledgeAlertMutation);
  const resolve = useApiMutation(ResolveAlertMutation);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const canUpdate = ability.can('update', subject('Alert', { region: { path: alert.region.path } }));
  const actions = harmony.alertActionsFrom(alert.status);
  if (!canUpdate || actions.length === 0) return <span className="muted">—</span>;
  const busy = acknowledge.fetching || resolve.fetching;
  const error = acknowledge.error ?? resolve.error;

  const submitResolution = async () => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    const done = await resolve.run({ id: alert.id, note: note.trim() });
    if (done) setResolving(false);
  };

  return (
    <div className="row-actions">
      {actions.includes('ACKNOWLEDGE') && !resolving && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid="alert-acknowledge"
          onClick={() => void acknowledge.run({ id: alert.id })}
        >
          {t('harmony.alerts.acknowledge')}
        </button>
      )}
      {actions.includes('RESOLVE') && !resolving && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid="alert-resolve"
          onClick={() => setResolving(true)}
        >
          {t('harmony.alerts.resolve')}
        </button>
      )}
      {resolving && (
        <form
          className="reject-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submitResolution();
          }}
        >
          <label>
            <span>{t('harmony.alerts.note')}</span>
            <textarea
              rows={2}
              value={note}
              data-testid="alert-resolve-note"
              aria-invalid={noteMissing || Boolean(resolve.error?.fields.note) || undefined}
              onChange={(event) => {
                setNote(event.target.value);
                setNoteMissing(false);
              }}
            />
          </label>
          {(noteMissing || resolve.error?.fields.note) && (
            <small className="field-error">{noteMissing ? t('harmony.alerts.noteRequired') : resolve.error?.fields.note}</small>
          )}
          <span className="form-actions">
            <button type="submit" className="button button-small button-primary" disabled={busy} data-testid="alert-resolve-submit">
              {t('harmony.alerts.resolve')}
            </button>
            <button type="button" className="button button-small" onClick={() => setResolving(false)}>
              {t('action.cancel')}
            </button>
          </span>
        </form>
      )}
      {error && !error.fields.note && (
        <small className="field-error" role="alert">
          {errorMessage(error, i18n)}
        </small>
      )}
    </div>
  );
}
