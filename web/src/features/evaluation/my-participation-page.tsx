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
 * The campaigns of the citizen's region (from their opening on), each saying whether the citizen took
 * part. Which cadres, and what the ballots said, is kept nowhere with the citizen's name: this is all there
 * is, and the page says so.
 */
export function MyParticipationPage() {
  const { t, locale, formatDateTime } = useEvaluationI18n();
  const pages = useCursorPages('participation', PAGE_SIZE);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyParticipationQuery, variables: pages.variables });
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
          emptyMessage={t('evaluation.participation.none')}
          page={pageOf(data.campaigns, pages)}
        />
      )}
      <p className="muted">
        {t('evaluation.participation.receipts')} <Link to="/receipt">{t('nav.receiptCheck')}</Link>
      </p>
    </section>
  );
}
