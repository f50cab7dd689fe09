import { subject } from '@casl/ability';
import { harmony, isPeriod } from '@massline/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n, type HarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { errorMessage, useFieldMessages } from '../../lib/error-message';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { AcknowledgeAlertsMutation, AlertsQuery, ResolveAlertsMutation, UndoAlertAcknowledgementsMutation } from './alert.operations';
import { countMessage, describeRun } from './alert-run';
import { describeAlert, formatIndex } from './harmony-format';
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
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Alert'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AlertsQuery,
    variables: { ...pages.variables, filter },
    context,
    requestPolicy: 'cache-and-network',
  });

  const rows = useMemo(() => data?.alerts.edges.map((edge) => edge.node) ?? [], [data]);
  const ability = useAppAbility();
  const mayChange = (alert: AlertRow) => ability.can('update', subject('Alert', { region: { path: alert.region.path } }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<Done | null>(null);
  // A selection is of the rows on screen: another filter or page starts afresh.
  useEffect(() => setSelected(new Set()), [filter, pages.variables]);
  const selectable = rows.filter((alert) => mayChange(alert) && harmony.alertActionsFrom(alert.status).length > 0);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const finished = (result: Done) => {
    setSelected(new Set());
    setDone(result);
  };

  const columns: Column<AlertRow>[] = [
    {
      id: 'select',
      header: t('harmony.alerts.select'),
      className: 'cell-select',
      cell: (alert) =>
        selectable.includes(alert) ? (
          <input
            type="checkbox"
            aria-label={`${t('harmony.alerts.select')}: ${regionName(alert.region)}`}
            data-testid="alert-select"
            checked={selected.has(alert.id)}
            onChange={(event) => toggle(alert.id, event.target.checked)}
          />
        ) : null,
    },
    {
      id: 'alert',
      header: t('harmony.alerts.alert'),
      cell: (alert) => (
        <span className="alert-cell">
          <strong>{t(`harmony.alertKind.${alert.kind}`)}</strong>
          <span>{describeAlert(alert, i18n, catalogue.byCode)}</span>
          <small className="muted" data-testid="alert-run">
            {describeRun(alert, t)}
          </small>
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
    { id: 'trend', header: t('harmony.alerts.trend'), cell: (alert) => <AlertTrend alert={alert} i18n={i18n} /> },
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
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (alert) => <AlertActions alert={alert} mayChange={mayChange(alert)} onDone={finished} />,
    },
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
      {done && <AlertsDone done={done} onClose={() => setDone(null)} onUndone={setDone} />}
      {selectable.length > 0 && <BulkAlertBar rows={selectable} selected={selected} onSelect={setSelected} onDone={finished} />}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('harmony.alerts.title')}
          columns={columns}
          rows={rows}
          rowKey={(alert) => alert.id}
          rowTestId="alert-row"
          stale={fetching}
          emptyMessage={t('harmony.alerts.none')}
          page={pageOf(data.alerts, pages)}
        />
      )}
    </section>
  );
}

/** What the last change did, for its confirmation (and the undo of an acknowledgement). */
interface Done {
  action: 'ACKNOWLEDGED' | 'RESOLVED' | 'UNDONE';
  ids: string[];
}

/** The figures of the periods an alert has been breached in, oldest first (the last six). */
function AlertTrend({ alert, i18n }: { alert: AlertRow; i18n: HarmonyI18n }) {
  const values = alert.trend.slice(-6).map((point) => (point.value === null ? '—' : formatIndex(i18n.locale, point.value)));
  return (
    <span className="alert-trend" aria-label={i18n.t('harmony.alerts.trendLabel', { values: values.join(', ') })} data-testid="alert-trend">
      {values.join(' → ')}
    </span>
  );
}

/**
 * The confirmation of a change, in place of a row that vanishes without a word: how many alerts it
 * changed, and for an acknowledgement an Undo (shared's UNDO_ACKNOWLEDGE, the server's window).
 */
function AlertsDone({ done, onClose, onUndone }: { done: Done; onClose(): void; onUndone(done: Done): void }) {
  const i18n = useHarmonyI18n();
  const { t } = i18n;
  const undo = useApiMutation(UndoAlertAcknowledgementsMutation);
  const count = done.ids.length;
  const message =
    done.action === 'ACKNOWLEDGED'
      ? countMessage(count, 'harmony.alerts.acknowledgedOne', 'harmony.alerts.acknowledgedMany', t)
      : done.action === 'RESOLVED'
        ? countMessage(count, 'harmony.alerts.resolvedOne', 'harmony.alerts.resolvedMany', t)
        : countMessage(count, 'harmony.alerts.undoneOne', 'harmony.alerts.undoneMany', t);
  return (
    <div className="alert alert-success alerts-done" role="status" data-testid="alerts-done">
      <span>{message}</span>
      {done.action === 'ACKNOWLEDGED' && (
        <button
          type="button"
          className="button button-small"
          data-testid="alerts-undo"
          disabled={undo.fetching}
          onClick={async () => {
            if (await undo.run({ ids: done.ids })) onUndone({ action: 'UNDONE', ids: done.ids });
          }}
        >
          {t('harmony.alerts.undo')}
        </button>
      )}
      <button type="button" className="button button-small" onClick={onClose}>
        {t('harmony.alerts.dismiss')}
      </button>
      {undo.error && (
        <small className="field-error" role="alert">
          {errorMessage(undo.error, i18n)}
        </small>
      )}
    </div>
  );
}

/**
 * Select all on the page, one note, acknowledge or resolve the selection: all or none (the server
 * names those that cannot be changed). Each button counts the selected alerts shared's table lets it move.
 */
function BulkAlertBar({
  rows,
  selected,
  onSelect,
  onDone,
}: {
  rows: readonly AlertRow[];
  selected: ReadonlySet<string>;
  onSelect(ids: ReadonlySet<string>): void;
  onDone(done: Done): void;
}) {
  const i18n = useHarmonyI18n();
  const { t } = i18n;
  const noteId = useId();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const acknowledge = useApiMutation(AcknowledgeAlertsMutation);
  const resolve = useApiMutation(ResolveAlertsMutation);
  const chosen = rows.filter((alert) => selected.has(alert.id));
  const allowing = (action: harmony.AlertAction) =>
    chosen.filter((alert) => harmony.nextAlertStatus(alert.status, action) !== null).map((alert) => alert.id);
  const toAcknowledge = allowing('ACKNOWLEDGE');
  const toResolve = allowing('RESOLVE');
  const busy = acknowledge.fetching || resolve.fetching;
  const error = acknowledge.error ?? resolve.error;
  const allChosen = chosen.length === rows.length;

  const run = async (action: 'ACKNOWLEDGE' | 'RESOLVE') => {
    const text = note.trim();
    if (action === 'RESOLVE' && !text) {
      setNoteMissing(true);
      return;
    }
    const ids = action === 'ACKNOWLEDGE' ? toAcknowledge : toResolve;
    const result = action === 'ACKNOWLEDGE' ? await acknowledge.run({ ids, note: text || null }) : await resolve.run({ ids, note: text });
    if (!result) return;
    setNote('');
    onDone({ action: action === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'RESOLVED', ids });
  };

  return (
    <div className="bulk-bar" data-testid="alerts-bulk-bar">
      <label className="bulk-select-all">
        <input
          type="checkbox"
          data-testid="alerts-select-all"
          checked={allChosen}
          ref={(input) => {
            if (input) input.indeterminate = chosen.length > 0 && !allChosen;
          }}
          onChange={(event) => onSelect(new Set(event.target.checked ? rows.map((alert) => alert.id) : []))}
        />
        <span>{t('harmony.alerts.selectAll')}</span>
      </label>
      {chosen.length > 0 && (
        <>
          <span className="muted" data-testid="alerts-selected-count">
            {t('harmony.alerts.selectedCount', { count: chosen.length })}
          </span>
          <span className="bulk-note">
            <label htmlFor={noteId}>{t('harmony.alerts.bulkNote')}</label>
            <textarea
              id={noteId}
              rows={1}
              value={note}
              data-testid="alerts-bulk-note"
              aria-invalid={noteMissing || Boolean(resolve.error?.fields.note) || undefined}
              onChange={(event) => {
                setNote(event.target.value);
                setNoteMissing(false);
              }}
            />
            {noteMissing && <small className="field-error">{t('harmony.alerts.noteRequired')}</small>}
          </span>
          <span className="form-actions">
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy || toAcknowledge.length === 0}
              data-testid="alerts-acknowledge-selected"
              onClick={() => void run('ACKNOWLEDGE')}
            >
              {t('harmony.alerts.acknowledgeSelected', { count: toAcknowledge.length })}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={busy || toResolve.length === 0}
              data-testid="alerts-resolve-selected"
              onClick={() => void run('RESOLVE')}
            >
              {t('harmony.alerts.resolveSelected', { count: toResolve.length })}
            </button>
          </span>
        </>
      )}
      {error && !noteMissing && (
        <small className="field-error" role="alert">
          {errorMessage(error, i18n)}
        </small>
      )}
    </div>
  );
}

/**
 * Acknowledge, or resolve with a note, one alert: the actions shared's transition table allows from the
 * alert's status (the server refuses the others), and only where the ability allows it (never for auditors).
 */
function AlertActions({ alert, mayChange, onDone }: { alert: AlertRow; mayChange: boolean; onDone(done: Done): void }) {
  const i18n = useHarmonyI18n();
  const { t } = i18n;
  const acknowledge = useApiMutation(AcknowledgeAlertsMutation);
  const resolve = useApiMutation(ResolveAlertsMutation);
  const resolveFields = useFieldMessages(resolve.error);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const actions = harmony.alertActionsFrom(alert.status);
  if (!mayChange || actions.length === 0) return <span className="muted">—</span>;
  const busy = acknowledge.fetching || resolve.fetching;
  const error = acknowledge.error ?? resolve.error;

  const submitResolution = async () => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    if (await resolve.run({ ids: [alert.id], note: note.trim() })) {
      setResolving(false);
      onDone({ action: 'RESOLVED', ids: [alert.id] });
    }
  };

  return (
    <div className="row-actions">
      {actions.includes('ACKNOWLEDGE') && !resolving && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid="alert-acknowledge"
          onClick={async () => {
            if (await acknowledge.run({ ids: [alert.id], note: null })) onDone({ action: 'ACKNOWLEDGED', ids: [alert.id] });
          }}
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
              aria-invalid={noteMissing || Boolean(resolveFields.note) || undefined}
              onChange={(event) => {
                setNote(event.target.value);
                setNoteMissing(false);
              }}
            />
          </label>
          {(noteMissing || resolveFields.note) && (
            <small className="field-error">{noteMissing ? t('harmony.alerts.noteRequired') : resolveFields.note}</small>
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
