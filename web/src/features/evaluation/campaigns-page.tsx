import { evaluation } from '@massline/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CampaignStatusBadge } from './campaign-status-badge';
import { CampaignsQuery } from './campaign.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle } from './evaluation-words';
import './evaluation.css';

type CampaignRow = ResultOf<typeof CampaignsQuery>['campaigns']['edges'][number]['node'];

const PAGE_SIZE = 20;

/**
 * The campaigns the caller may read, newest first, paged by keyset and filtered by state and period:
 * an organization's jurisdiction, a citizen's region, the published ones for the public.
 */
export function CampaignsPage() {
  const { t, locale, formatDateTime, regionName } = useEvaluationI18n();
  const ability = useAppAbility();
  const [status, setStatus] = useState<evaluation.CampaignStatus | ''>('');
  const [periodText, setPeriodText] = useState('');
  const period = useDebouncedValue(periodText.trim());
  const filter = useMemo(() => ({ status: status || null, period: period || null }), [status, period]);
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Campaign'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CampaignsQuery, variables: { ...pages.variables, filter }, context });

  const columns: Column<CampaignRow>[] = [
    {
      id: 'title',
      header: t('evaluation.campaign.title'),
      cell: (campaign) => (
        <Link to={`/campaigns/${campaign.id}`} data-testid="campaign-link">
          {campaignTitle(locale, campaign)}
        </Link>
      ),
    },
    { id: 'region', header: t('field.region'), cell: (campaign) => regionName(campaign.region) },
    { id: 'period', header: t('evaluation.campaign.period'), cell: (campaign) => campaign.period },
    { id: 'status', header: t('evaluation.campaign.status'), cell: (campaign) => <CampaignStatusBadge status={campaign.status} /> },
    {
      id: 'schedule',
      header: t('evaluation.campaign.schedule'),
      cell: (campaign) =>
        t('evaluation.campaign.fromTo', { from: formatDateTime(campaign.opensAt), to: formatDateTime(campaign.closesAt) }),
    },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('evaluation.campaigns.title')}</h1>
          <p className="page-intro">{t('evaluation.campaigns.intro')}</p>
        </div>
        {ability.can('create', 'Campaign') && (
          <Link to="/campaigns/new" className="button button-primary" data-testid="campaign-create-open">
            {t('evaluation.campaigns.new')}
          </Link>
        )}
      </header>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('evaluation.campaign.status')}</span>
          <select
            data-testid="campaign-filter-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as evaluation.CampaignStatus | '')}
          >
            <option value="">{t('filter.any')}</option>
            {evaluation.CAMPAIGN_STATUSES.map((code) => (
              <option key={code} value={code}>
                {t(`evaluation.status.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('evaluation.campaign.period')}</span>
          <input
            data-testid="campaign-filter-period"
            value={periodText}
            placeholder={t('filter.anyPeriod')}
            onChange={(event) => setPeriodText(event.target.value)}
          />
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('evaluation.campaigns.title')}
          columns={columns}
          rows={data.campaigns.edges.map((edge) => edge.node)}
          rowKey={(campaign) => campaign.id}
          rowTestId="campaign-row"
          stale={fetching}
          emptyMessage={t('evaluation.campaigns.none')}
          page={pageOf(data.campaigns, pages)}
        />
      )}
    </section>
  );
}
