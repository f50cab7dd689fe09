import { evaluation } from '@massline/shared';
import { useEffect, useId, useReducer, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { FormAlert } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { NotFoundPage } from '../../lib/status-pages';
import { useApiMutation } from '../../lib/use-api-mutation';
import {
  ballotAnswers,
  ballotProgress,
  ballotStepper,
  commentInput,
  commentLength,
  initialBallotState,
  unansweredCriteria,
  votedTermIds,
} from './ballot-stepper';
import { BallotCampaignQuery, CastBallotMutation } from './ballot.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle, criterionName, postTitle, scaleSteps } from './evaluation-words';
import { ReceiptPanel } from './receipt-panel';
import './evaluation.css';

type BallotCampaign = NonNullable<ResultOf<typeof BallotCampaignQuery>['campaign']>;

/**
 * The ballot, phone first: one cadre at a time, each criterion's steps as large buttons ("don't know"
 * apart, last), an optional comment with its length counted, then the receipt shown once.
 */
export function BallotPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: BallotCampaignQuery, variables: { id }, requestPolicy: 'network-only' });
  if (!data && fetching) return <Loading />;
  if (error && !data?.campaign) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data?.campaign) return <NotFoundPage />;
  return <Ballot campaign={data.campaign} />;
}

function Ballot({ campaign }: { campaign: BallotCampaign }) {
  const { t, locale, formatDateTime } = useEvaluationI18n();
  const [params] = useSearchParams();
  const termIds = campaign.terms.map((term) => term.id);
  const [state, dispatch] = useReducer(ballotStepper, null, () =>
    initialBallotState(termIds, votedTermIds(campaign.myVotes), params.get('cadre')),
  );
  const cast = useApiMutation(CastBallotMutation);
  const [missing, setMissing] = useState<string[]>([]);
  const criteria = campaign.criteria.map((criterion) => criterion.code);
  const current = campaign.terms.find((term) => term.id === state.current) ?? null;
  const progress = ballotProgress(state);
  const headingId = useId();

  // A new cadre on screen: start reading at its name (the page does not jump to the bottom of the last one).
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [state.current, state.receipt]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    const answers = ballotAnswers(criteria, state.answers);
    setMissing(unansweredCriteria(criteria, state.answers));
    if (!answers) return;
    const result = await cast.run({
      input: { campaignId: campaign.id, termId: current.id, answers, comment: commentInput(state.comment) },
    });
    if (result) dispatch({ type: 'cast', termId: current.id, code: result.castBallot.code });
  };

  // A refusal arrives with the mutation's error; ALREADY_VOTED moves on from a cadre that has the citizen's ballot.
  useEffect(() => {
    if (!cast.error) return;
    if (cast.error.reason === 'ALREADY_VOTED' && state.current) dispatch({ type: 'alreadyVoted', termId: state.current });
    // Only a new error decides; the cadre on screen is read as it was when it came.
  }, [cast.error]);

  const receiptTerm = state.receipt ? campaign.terms.find((term) => term.id === state.receipt?.termId) : null;
  const length = commentLength(state.comment);
  const over = length > evaluation.BALLOT_COMMENT_MAX;

  return (
    <section className="page ballot-page" data-testid="ballot-page">
      <header className="page-header">
        <p className="muted">{t('evaluation.ballot.closes', { at: formatDateTime(campaign.closesAt) })}</p>
        <h1>{campaignTitle(locale, campaign)}</h1>
        <p className="ballot-progress" data-testid="ballot-progress">
          {t('evaluation.ballot.progress', { done: progress.done, total: progress.total })}
        </p>
      </header>

      <FormAlert error={cast.error} />

      {state.receipt && receiptTerm && (
        <ReceiptPanel
          code={state.receipt.code}
          cadreName={receiptTerm.cadre.name}
          onKept={() => {
            cast.clearError();
            dispatch({ type: 'receiptKept' });
          }}
        />
      )}

      {!state.receipt && !current && (
        <div className="card" data-testid="ballot-done">
          <h2>{t('evaluation.ballot.allDone')}</h2>
          <p>{t('evaluation.ballot.allDoneBody')}</p>
          <div className="row-actions">
            <Link to="/my-participation" className="button">
              {t('nav.myParticipation')}
            </Link>
            <Link to="/receipt" className="button">
              {t('nav.receiptCheck')}
            </Link>
          </div>
        </div>
      )}

      {!state.receipt && current && evaluation.acceptsBallots(campaign.status) && (
        <form className="ballot" onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid="ballot-form">
          <div className="ballot-cadre">
            <p className="muted">{t('evaluation.ballot.position', { position: progress.position, total: progress.total })}</p>
            <h2 id={headingId} data-testid="ballot-cadre-name">
              {current.cadre.name}
            </h2>
            <p className="muted">{postTitle(locale, current.post)}</p>
          </div>
          {campaign.criteria.map((criterion) => (
            <fieldset
              key={criterion.code}
              className={
                missing.includes(criterion.code) && !state.answers[criterion.code] ? 'ballot-criterion is-missing' : 'ballot-criterion'
              }
              data-testid="ballot-criterion"
              data-criterion={criterion.code}
            >
              <legend>{criterionName(locale, criterion)}</legend>
              <div className="ballot-steps" role="radiogroup" aria-label={criterionName(locale, criterion)}>
                {scaleSteps(locale, campaign.scale).map((step) => {
                  const chosen = state.answers[criterion.code] === step.code;
                  return (
                    <button
                      key={step.code}
                      type="button"
                      role="radio"
                      aria-checked={chosen}
                      className={`ballot-step${chosen ? ' is-chosen' : ''}${step.scored ? '' : ' is-dont-know'}`}
                      data-testid="ballot-step"
                      data-step={step.code}
                      onClick={() => dispatch({ type: 'answer', criterion: criterion.code, step: step.code })}
                    >
                      {step.name}
                    </button>
                  );
                })}
              </div>
              {missing.includes(criterion.code) && !state.answers[criterion.code] && (
                <small className="field-error" data-testid="field-error">
                  {t('evaluation.ballot.answerThis')}
                </small>
              )}
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor={`${headingId}-comment`}>{t('evaluation.ballot.comment')}</label>
            <textarea
              id={`${headingId}-comment`}
              data-testid="ballot-comment"
              rows={3}
              value={state.comment}
              aria-describedby={`${headingId}-counter`}
              aria-invalid={over || undefined}
              onChange={(event) => dispatch({ type: 'comment', text: event.target.value })}
            />
            <small id={`${headingId}-counter`} className={over ? 'field-error' : 'field-hint'} data-testid="ballot-comment-counter">
              {t('evaluation.ballot.commentCounter', { length, max: evaluation.BALLOT_COMMENT_MAX })}
              {' · '}
              {t('evaluation.ballot.commentHint')}
            </small>
          </div>
          {missing.length > 0 && unansweredCriteria(criteria, state.answers).length > 0 && (
            <p className="alert alert-error" role="alert">
              {t('evaluation.ballot.missing', { count: unansweredCriteria(criteria, state.answers).length })}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary ballot-big-button"
            data-testid="ballot-submit"
            disabled={cast.fetching || over}
          >
            {t('evaluation.ballot.submit')}
          </button>
        </form>
      )}

      {!state.receipt && current && !evaluation.acceptsBallots(campaign.status) && (
        <p className="alert alert-warning" role="alert">
          {t('reason.CAMPAIGN_NOT_OPEN')}
        </p>
      )}

      {campaign.terms.length > 1 && !state.receipt && (
        <nav className="card ballot-cadres" aria-label={t('evaluation.campaign.cadres')}>
          <h2>{t('evaluation.campaign.cadres')}</h2>
          <ul className="plain-list">
            {campaign.terms.map((term) => {
              const voted = state.voted.includes(term.id);
              return (
                <li key={term.id}>
                  <button
                    type="button"
                    className={term.id === state.current ? 'ballot-cadre-link is-current' : 'ballot-cadre-link'}
                    data-testid="ballot-cadre-link"
                    disabled={voted || term.id === state.current}
                    aria-current={term.id === state.current ? 'step' : undefined}
                    onClick={() => dispatch({ type: 'go', termId: term.id })}
                  >
                    <span>{term.cadre.name}</span>{' '}
                    <span className="muted">{voted ? t('evaluation.ballot.evaluated') : postTitle(locale, term.post)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </section>
  );
}
