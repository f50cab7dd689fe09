import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, Loading } from '../../lib/states';
import { votedTermIds } from './ballot-stepper';
import { MyCampaignsQuery } from './ballot.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle, postTitle } from './evaluation-words';
import './evaluation.css';

/** A citizen's open campaigns: each with its cadres, those already evaluated ticked, and the way to the ballot. */
export function MyCampaignsPage() {
  const { t, locale, formatDateTime } = useEvaluationI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyCampaignsQuery, requestPolicy: 'cache-and-network' });
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('nav.myCampaigns')}</h1>
        <p className="page-intro">{t('evaluation.mine.intro')}</p>
      </header>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && data.myCampaigns.length === 0 && <EmptyState message={t('evaluation.mine.none')} />}
      {data?.myCampaigns.map((campaign) => {
        const voted = votedTermIds(campaign.myVotes);
        const done = campaign.terms.filter((term) => voted.includes(term.id)).length;
        const finished = done === campaign.terms.length;
        return (
          <article key={campaign.id} className="card my-campaign" data-testid="my-campaign">
            <h2>
              <Link to={`/campaigns/${campaign.id}`}>{campaignTitle(locale, campaign)}</Link>
            </h2>
            <p className="muted">{t('evaluation.ballot.closes', { at: formatDateTime(campaign.closesAt) })}</p>
            <p data-testid="my-campaign-progress">{t('evaluation.ballot.progress', { done, total: campaign.terms.length })}</p>
            <ul className="plain-list my-campaign-cadres">
              {campaign.terms.map((term) => (
                <li key={term.id}>
                  <span aria-hidden="true">{voted.includes(term.id) ? '✓ ' : '○ '}</span>
                  <strong>{term.cadre.name}</strong> <span className="muted">{postTitle(locale, term.post)}</span>{' '}
                  {voted.includes(term.id) && <span className="badge">{t('evaluation.ballot.evaluated')}</span>}
                </li>
              ))}
            </ul>
            {!finished && (
              <Link
                to={`/campaigns/${campaign.id}/vote`}
                className="button button-primary ballot-big-button"
                data-testid="my-campaign-vote"
              >
                {done === 0 ? t('evaluation.mine.start') : t('evaluation.mine.continue')}
              </Link>
            )}
          </article>
        );
      })}
    </section>
  );
}
