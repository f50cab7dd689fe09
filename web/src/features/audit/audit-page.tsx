import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useAuditI18n } from './audit-i18n';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AuditFilters, dayStart, EMPTY_AUDIT_FILTERS, type AuditFilterValues } from './audit-filters';
import { AuditEntriesQuery } from './audit.operations';

type AuditRow = ResultOf<typeof AuditEntriesQuery>['auditEntries']['edges'][number]['node'];

const PAGE_SIZE = 50;

function toJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** A long id shortened for the table (its start tells rows apart); the whole one is the cell's title. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** The audit log of the caller's jurisdiction, newest first (the server's order). Read-only, for everyone. */
export function AuditPage() {
  const { t, tryTranslate, formatDateTime, regionName } = useAuditI18n();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const typed = useDebouncedValue(filters);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const filter = useMemo(
    () => ({
      action: typed.action.trim() || null,
      subjectType: typed.subjectType.trim() || null,
      subjectId: typed.subjectId.trim() || null,
      from: dayStart(typed.from),
      to: dayStart(typed.to, 1),
    }),
    [typed],
  );
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['AuditEntry'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditEntriesQuery,
    variables: { ...pages.variables, filter },
    context,
  });

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditRow>[] = [
    { id: 'time', header: t('audit.time'), cell: (entry) => formatDateTime(entry.occurredAt) },
    {
      id: 'action',
      header: t('audit.action'),
      // The key stays at hand (the action filter takes it) but the reader sees what happened in words.
      cell: (entry) => <span data-action={entry.action}>{tryTranslate(`auditAction.${entry.action}`) ?? entry.action}</span>,
    },
    {
      id: 'actor',
      header: t('audit.actor'),
      cell: (entry) => (
        <>
          {entry.actorLabel ?? tryTranslate(`actorKind.${entry.actorKind}`) ?? entry.actorKind}
          {entry.actorRole && <span className="muted"> · {tryTranslate(`role.${entry.actorRole}`) ?? entry.actorRole}</span>}
        </>
      ),
    },
    {
      id: 'subject',
      header: t('audit.subject'),
      cell: (entry) => (
        <>
          {tryTranslate(`subject.${entry.subjectType}`) ?? entry.subjectType}{' '}
          <code className="muted" title={entry.subjectId}>
            {shortId(entry.subjectId)}
          </code>
        </>
      ),
    },
    {
      id: 'region',
      header: t('audit.region'),
      cell: (entry) =>
        entry.region ? (
          <span title={entry.regionPath ?? undefined}>
            {regionName(entry.region)} <span className="muted">{entry.region.code}</span>
          </span>
        ) : (
          <code>{entry.regionPath ?? '—'}</code>
        ),
    },
    {
      id: 'changes',
      header: t('audit.changes'),
      cell: (entry) => (
        <button type="button" className="button button-small" aria-expanded={expanded.has(entry.id)} onClick={() => toggle(entry.id)}>
          {expanded.has(entry.id) ? t('audit.hide') : t('audit.show')}
        </button>
      ),
    },
  ];

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="page-intro">{t('audit.intro')}</p>
      </header>
      <AuditFilters values={filters} onChange={setFilters} />
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('audit.title')}
          columns={columns}
          rows={data.auditEntries.edges.map((edge) => edge.node)}
          rowKey={(entry) => entry.id}
          rowTestId="audit-row"
          stale={fetching}
          emptyMessage={t('audit.none')}
          renderDetails={(entry) =>
            expanded.has(entry.id) ? (
              <div className="audit-diff">
                <div>
                  <h3>{t('audit.before')}</h3>
                  <pre>{toJson(entry.before)}</pre>
                </div>
                <div>
                  <h3>{t('audit.after')}</h3>
                  <pre>{toJson(entry.after)}</pre>
                </div>
                <p className="muted">
                  {t('audit.requestId')}: <code>{entry.requestId ?? '—'}</code>
                  {entry.clientRequestId && (
                    <>
                      {' · '}
                      {t('audit.clientRequestId')}: <code data-testid="audit-client-request-id">{entry.clientRequestId}</code>
                    </>
                  )}
                </p>
              </div>
            ) : null
          }
          page={pageOf(data.auditEntries, pages)}
        />
      )}
    </section>
  );
}
