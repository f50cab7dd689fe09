import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { dayStart } from './audit-filters';
import { useAuditI18n } from './audit-i18n';
import { SecurityEventsQuery } from './audit.operations';
import { EMPTY_SECURITY_LOG_FILTERS, SecurityLogFilters, type SecurityLogFilterValues } from './security-log-filters';

type SecurityEventRow = ResultOf<typeof SecurityEventsQuery>['securityEvents']['edges'][number]['node'];

const PAGE_SIZE = 50;

/**
 * The security log of the auditor's jurisdiction, newest first (the server's order): sign-ins and
 * sign-outs, failed and throttled attempts, refused requests. Read-only.
 */
export function SecurityLogPage() {
  const { t, tryTranslate, formatDateTime, formatNumber } = useAuditI18n();
  const [filters, setFilters] = useState<SecurityLogFilterValues>(EMPTY_SECURITY_LOG_FILTERS);
  const typed = useDebouncedValue(filters);
  const filter = useMemo(
    () => ({
      kinds: typed.kinds.length > 0 ? [...typed.kinds] : null,
      address: typed.address.trim() || null,
      from: dayStart(typed.from),
      to: dayStart(typed.to, 1),
    }),
    [typed],
  );
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['SecurityEvent'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SecurityEventsQuery,
    variables: { ...pages.variables, filter },
    context,
  });

  const columns: Column<SecurityEventRow>[] = [
    { id: 'time', header: t('audit.time'), cell: (event) => formatDateTime(event.occurredAt) },
    {
      id: 'kind',
      header: t('security.kind'),
      cell: (event) => (
        <span className="badges">
          <span className="badge" data-kind={event.kind}>
            {tryTranslate(`securityKind.${event.kind}`) ?? event.kind}
          </span>
          {event.suppressedCount > 0 && (
            <span className="badge" title={t('security.suppressedHint')} data-testid="security-suppressed">
              {t('security.suppressed', { count: formatNumber(event.suppressedCount) })}
            </span>
          )}
        </span>
      ),
    },
    {
      id: 'actor',
      header: t('audit.actor'),
      cell: (event) => event.actorLabel ?? tryTranslate(`actorKind.${event.actorKind}`) ?? event.actorKind,
    },
    { id: 'address', header: t('security.address'), cell: (event) => <code>{event.address ?? '—'}</code> },
    {
      id: 'why',
      header: t('security.operationReason'),
      cell: (event) =>
        event.operation || event.reason ? (
          <>
            {event.operation && <code>{event.operation}</code>}
            {event.operation && event.reason && ' · '}
            {event.reason && (
              <span title={event.reason}>{tryTranslate(`securityReason.${event.reason}`) ?? <code>{event.reason}</code>}</span>
            )}
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('security.title')}</h1>
        <p className="page-intro">{t('security.intro')}</p>
      </header>
      <SecurityLogFilters values={filters} onChange={setFilters} />
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('security.title')}
          columns={columns}
          rows={data.securityEvents.edges.map((edge) => edge.node)}
          rowKey={(event) => event.id}
          rowTestId="security-event-row"
          stale={fetching}
          emptyMessage={t('security.none')}
          page={pageOf(data.securityEvents, pages)}
        />
      )}
    </section>
  );
}
