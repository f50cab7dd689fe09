import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { MyParticipationQuery } from './ballot.operations';
import { CampaignStatusBadge } from './campaign-status-badge';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle } from './evaluation-words';

type ParticipationRow = ResultOf<typeof MyParticipationQuery>['campaigns']['edges'][number]['node'];

const PAGE_SIZE = 20;

/**
 * The campaigns the citizen took part in (the server's `participated` filter) or, at their choice, all of
 * their region's (from their opening on), each saying whether the citizen took part. Which cadres, and
 * what the ballots said, is kept nowhere with the citizen's name: this is all there is, and the page says so.
 */
export function MyParticipationPage() {
  const { t, locale, formatDateTime } = useEvaluationI18n();
  // By default only the campaigns the citizen took part in (the server's "participated" filter); or all of the region's.
  const [onlyMine, setOnlyMine] = useState(true);
  const pages = useCursorPages(`participation:${onlyMine}`, PAGE_SIZE);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyParticipationQuery,
    variables: { ...pages.variables, participated: onlyMine ? true : null },
  });
  const columns: Column<ParticipationRow>[] = [
    {
      id: 'title',
      header: t('evaluation.campaign.title'),
      cell: (campaign) => <Link to={`/campaigns/${campaign.id}`}>{campaignTitle(locale, campaign)}</Link>,
    },
    { id: 'period', header: t('evaluation.campaign.period'), cell: (campaign) => campaign.period },
    { id: 'status', header: t('evaluation.campaign.status'), cell: (campaign) => <CampaignStatusBadge status={campaign.status} /> },
    { id: 'closes', header: t('evaluation.participation.closes'), cell: (campaign) => formatDateTime(campaign.closesAt) },
    {
      id: 'tookPart',
      header: t('evaluation.participation.tookPart'),
      cell: (campaign) => (
        <span data-testid="participation-mark" data-took-part={campaign.myParticipation === true}>
          {campaign.myParticipation ? `✓ ${t('evaluation.participation.yes')}` : t('evaluation.participation.no')}
        </span>
      ),
    },
  ];
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('nav.myParticipation')}</h1>
        <p className="page-intro">{t('evaluation.participation.intro')}</p>
      </header>
      <fieldset className="segmented" data-testid="participation-scope">
        <legend className="visually-hidden">{t('evaluation.participation.show')}</legend>
        <label className={`segment${onlyMine ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="participation-scope"
            checked={onlyMine}
            onChange={() => setOnlyMine(true)}
            data-testid="participation-mine"
          />{' '}
          {t('evaluation.participation.showMine')}
        </label>
        <label className={`segment${onlyMine ? '' : ' is-selected'}`}>
          <input
            type="radio"
            name="participation-scope"
            checked={!onlyMine}
            onChange={() => setOnlyMine(false)}
            data-testid="participation-all"
          />{' '}
          {t('evaluation.participation.showAll')}
        </label>
      </fieldset>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('nav.myParticipation')}
          columns={columns}
          rows={data.campaigns.edges.map((edge) => edge.node)}
          rowKey={(campaign) => campaign.id}
          rowTestId="participation-row"
          stale={fetching}
          emptyMessage={t(onlyMine ? 'evaluation.participation.noneTaken' : 'evaluation.participation.none')}
          page={pageOf(data.campaigns, pages)}
        />
      )}
      <p className="muted">
        {t('evaluation.participation.receipts')} <Link to="/receipt">{t('nav.receiptCheck')}</Link>
      </p>
    </section>
  );
}
