import { evaluation } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { FormAlert, FormField, FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useReviewsI18n } from './reviews-i18n';
import { ResolveReviewAlertMutation, ReviewAlertsQuery } from './review-alerts.operations';

type AlertRow = ResultOf<typeof ReviewAlertsQuery>['reviewAlerts']['edges'][number]['node'];

const PAGE_SIZE = 25;
const CONTEXT = { additionalTypenames: ['ReviewAlert'] };

/**
 * The review alerts addressed to the caller's organization: an incompetent verdict on a term it granted
 * (or on its post, recorded without a grant), with the verdict's figures and a link to the cadre's page;
 * the organization resolves each, saying how. Auditors read those of their jurisdiction.
 */
export function ReviewAlertsPage() {
  const { t, locale, formatDateTime } = useReviewsI18n();
  const ability = useAppAbility();
  const pages = useCursorPages('review-alerts', PAGE_SIZE);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ReviewAlertsQuery, variables: pages.variables, context: CONTEXT });
  const [resolving, setResolving] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  const columns: Column<AlertRow>[] = [
    {
      id: 'cadre',
      header: t('reviews.column.cadre'),
      cell: (alert) => (
        <>
          <Link to={`/cadres/${encodeURIComponent(alert.cadre?.id ?? '')}`} data-testid="review-alert-cadre">
            {alert.cadre?.name ?? '—'}
          </Link>
          <br />
          <span className="muted">{locale === 'zh-CN' ? alert.term.post.titleZh : alert.term.post.title}</span>
        </>
      ),
    },
    {
      id: 'addressee',
      header: t('reviews.column.addressee'),
      cell: (alert) => t(`reviews.addressee.${alert.addressee}`, { body: alert.bodyName ?? '' }),
    },
    {
      id: 'verdict',
      header: t('reviews.column.verdict'),
      cell: (alert) => (
        <span data-testid="review-alert-verdict">
          {t('reviews.verdict', {
            grade: evaluation.CADRE_GRADE_NAMES[alert.grade][locale === 'zh-CN' ? 'zhCN' : 'en'],
            score: number.format(alert.score),
            low: number.format(alert.low),
            high: number.format(alert.high),
            version: alert.settingsVersion,
          })}
        </span>
      ),
    },
    { id: 'raisedAt', header: t('reviews.column.raisedAt'), cell: (alert) => formatDateTime(alert.raisedAt) },
    {
      id: 'status',
      header: t('reviews.column.status'),
      cell: (alert) => (
        <span data-testid="review-alert-status">
          {t(`reviews.status.${alert.status}`)}
          {alert.resolutionNote && <span className="muted"> · {alert.resolutionNote}</span>}
        </span>
      ),
    },
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (alert) =>
        alert.status === 'OPEN' && ability.can('update', 'ReviewAlert') && resolving !== alert.id ? (
          <button
            type="button"
            className="button button-small"
            data-testid="review-alert-resolve-open"
            onClick={() => setResolving(alert.id)}
          >
            {t('reviews.resolve')}
          </button>
        ) : null,
    },
  ];

  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('reviews.title')}</h1>
      </header>
      <p className="page-intro">{t('reviews.intro')}</p>
      {notice && <FormNotice>{notice}</FormNotice>}
      {resolving && (
        <ResolveForm
          id={resolving}
          onCancel={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            setNotice(t('reviews.resolved'));
          }}
        />
      )}
      {data && (
        <DataTable
          caption={t('reviews.title')}
          columns={columns}
          rows={data.reviewAlerts.edges.map((edge) => edge.node)}
          rowKey={(alert) => alert.id}
          rowTestId="review-alert-row"
          page={pageOf(data.reviewAlerts, pages)}
          stale={fetching}
          emptyMessage={t('reviews.none')}
        />
      )}
    </section>
  );
}

/** The resolution of one alert: a note saying how (required, as the server says). */
function ResolveForm({ id, onCancel, onResolved }: { id: string; onCancel(): void; onResolved(): void }) {
  const { t } = useReviewsI18n();
  const [note, setNote] = useState('');
  const resolve = useApiMutation(ResolveReviewAlertMutation);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await resolve.run({ id, note })) onResolved();
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <FormAlert error={resolve.error} />
      <FormField label={t('reviews.resolveNote')}>
        {(control) => (
          <textarea {...control} data-testid="review-alert-note" value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="review-alert-resolve" disabled={resolve.fetching}>
          {t('reviews.resolveSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
