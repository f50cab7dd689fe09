import { evaluation } from '@massline/shared';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import { ErrorState, Loading } from '../../lib/states';
import { NotFoundPage } from '../../lib/status-pages';
import { CampaignActions } from './campaign-actions';
import { CampaignStatusBadge } from './campaign-status-badge';
import { CampaignQuery } from './campaign.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle, criterionName, postTitle, scaleName } from './evaluation-words';
import { formatPercent, turnoutShare } from './result-format';
import './evaluation.css';

/**
 * One campaign: what it asks (criteria, scale, the cadres, k), its schedule, the moves the caller may make,
 * turnout while open (a count, never a partial result), the way to the results once there are any, and
 * for a citizen of its region the way to the ballot.
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDateTime, formatNumber, regionName } = useEvaluationI18n();
  const ability = useAppAbility();
  const context = useMemo(() => ({ additionalTypenames: ['Campaign'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CampaignQuery, variables: { id }, context });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  if (!data && fetching) return <Loading />;
  if (error && !data?.campaign) return <ErrorState error={error} onRetry={refetch} />;
  const campaign = data?.campaign;
  if (!campaign) return <NotFoundPage />;

  const editable = evaluation.isCampaignEditable(campaign.status) && ability.can('update', 'Campaign');
  const votable = evaluation.acceptsBallots(campaign.status) && ability.can('vote', 'Campaign');
  // Counted at close: the staff and auditors of the jurisdiction read them from then on, everybody once published (the API decides).
  const hasResults = campaign.status === 'CLOSED' || campaign.status === 'PUBLISHED';
  const turnout = campaign.turnout;

  return (
    <section className="page" data-testid="campaign-page">
      <header className="page-header">
        <p className="muted">
          {regionName(campaign.region)} · {campaign.period} · <CampaignStatusBadge status={campaign.status} />
        </p>
        <h1 data-testid="campaign-title">{campaignTitle(locale, campaign)}</h1>
      </header>

      <CampaignActions campaign={campaign} onMoved={refetch} />

      <div className="campaign-links row-actions">
        {editable && (
          <Link to={`/campaigns/${campaign.id}/edit`} className="button" data-testid="campaign-edit">
            {t('evaluation.campaign.edit')}
          </Link>
        )}
        {votable && (
          <Link to={`/campaigns/${campaign.id}/vote`} className="button button-primary" data-testid="campaign-vote">
            {t('evaluation.campaign.vote')}
          </Link>
        )}
        {hasResults && (
          <Link to={`/campaigns/${campaign.id}/results`} className="button button-primary" data-testid="campaign-results-link">
            {t('evaluation.campaign.results')}
          </Link>
        )}
      </div>

      {turnout && (
        <div className="card" data-testid="campaign-turnout">
          <h2>{t('evaluation.turnout.title')}</h2>
          <p className="turnout-figure">
            {t('evaluation.turnout.count', {
              participants: formatNumber(turnout.participants),
              ballots: formatNumber(turnout.ballots),
              eligible: formatNumber(turnout.eligible),
            })}{' '}
            <span className="muted">({formatPercent(locale, turnoutShare(turnout.participants, turnout.eligible))})</span>
          </p>
          {campaign.status === 'OPEN' && <p className="muted">{t('evaluation.turnout.whileOpen')}</p>}
        </div>
      )}

      {campaign.myParticipation && <p className="alert alert-success">{t('evaluation.campaign.youTookPart')}</p>}

      <div className="card">
        <dl className="details-list">
          <dt>{t('field.organization')}</dt>
          <dd>{campaign.organization.name}</dd>
          <dt>{t('evaluation.campaign.schedule')}</dt>
          <dd>{t('evaluation.campaign.fromTo', { from: formatDateTime(campaign.opensAt), to: formatDateTime(campaign.closesAt) })}</dd>
          <dt>{t('evaluation.campaign.scale')}</dt>
          <dd>{scaleName(locale, campaign.scale)}</dd>
          <dt>{t('evaluation.campaign.threshold')}</dt>
          <dd>{t('evaluation.campaign.thresholdValue', { k: formatNumber(campaign.publicationThreshold) })}</dd>
        </dl>
      </div>

      <div className="two-columns">
        <div className="card">
          <h2>{t('evaluation.campaign.criteria')}</h2>
          <ol data-testid="campaign-criteria">
            {campaign.criteria.map((criterion) => (
              <li key={criterion.code}>{criterionName(locale, criterion)}</li>
            ))}
          </ol>
        </div>
        <div className="card">
          <h2>{t('evaluation.campaign.cadres')}</h2>
          {campaign.terms.length === 0 ? (
            <p className="muted">{t('evaluation.campaign.noCadres')}</p>
          ) : (
            <ul className="plain-list" data-testid="campaign-cadres">
              {campaign.terms.map((term) => (
                <li key={term.id}>
                  <strong>{term.cadre.name}</strong> <span className="muted">{postTitle(locale, term.post)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
