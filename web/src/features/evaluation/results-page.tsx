import { evaluation } from '@massline/shared';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { EmptyState, ErrorState, Loading } from '../../lib/states';
import { NotFoundPage } from '../../lib/status-pages';
import { CampaignStatusBadge } from './campaign-status-badge';
import { useEvaluationI18n } from './evaluation-i18n';
import { campaignTitle, criterionName, postTitle } from './evaluation-words';
import { CampaignResultsQuery } from './result.operations';
import { formatInterval, formatPercent, formatScore, turnoutShare } from './result-format';
import './evaluation.css';

/** The bars come with the first cadre opened, not with the page (its own chunk). */
const CriteriaBars = lazy(async () => ({ default: (await import('./criteria-bars')).CriteriaBars }));

type ResultsCampaign = NonNullable<ResultOf<typeof CampaignResultsQuery>['campaign']>;
type TermResult = NonNullable<ResultsCampaign['results']>[number];

/**
 * A campaign's results: per cadre the ballots, turnout, and — from k ballots on — mass satisfaction with
 * its 95 % interval; one cadre opened (`?cadre=`) shows each criterion as a bar with its interval, and to
 * the organization the comments, in random order. Below k, only the count: "not published".
 */
export function ResultsPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CampaignResultsQuery, variables: { id } });
  if (!data && fetching) return <Loading />;
  if (error && !data?.campaign) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data?.campaign) return <NotFoundPage />;
  return <Results campaign={data.campaign} />;
}

function Results({ campaign }: { campaign: ResultsCampaign }) {
  const { t, locale, formatNumber } = useEvaluationI18n();
  const [params] = useSearchParams();
  const eligible = campaign.turnout?.eligible ?? null;
  const opened = campaign.results?.find((result) => result.term.id === params.get('cadre')) ?? null;
  const k = formatNumber(campaign.publicationThreshold);

  return (
    <section className="page" data-testid="results-page">
      <header className="page-header">
        <p className="muted">
          <Link to={`/campaigns/${campaign.id}`}>{campaignTitle(locale, campaign)}</Link> · <CampaignStatusBadge status={campaign.status} />
        </p>
        <h1>{opened ? opened.term.cadre.name : t('title.campaignResults')}</h1>
        {!opened && <p className="page-intro">{t('evaluation.results.intro', { k })}</p>}
      </header>

      {campaign.turnout && (
        <p data-testid="results-turnout">
          {t('evaluation.turnout.count', {
            participants: formatNumber(campaign.turnout.participants),
            ballots: formatNumber(campaign.turnout.ballots),
            eligible: formatNumber(campaign.turnout.eligible),
          })}
        </p>
      )}

      {campaign.results === null || campaign.results === undefined ? (
        <EmptyState message={t('evaluation.results.notYet')} />
      ) : opened ? (
        <CadreResult campaign={campaign} result={opened} eligible={eligible} />
      ) : (
        <div className="result-cards">
          {campaign.results.map((result) => (
            <article key={result.term.id} className="card result-card" data-testid="result-card" data-published={result.published}>
              <h2>
                <Link to={`?cadre=${encodeURIComponent(result.term.id)}`} data-testid="result-open">
                  {result.term.cadre.name}
                </Link>
              </h2>
              <p className="muted">{postTitle(locale, result.term.post)}</p>
              <ResultSummary result={result} eligible={eligible} k={k} />
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

/** A cadre's headline: the score and its interval from k ballots; below k, the count and "not published". */
function ResultSummary({ result, eligible, k }: { result: TermResult; eligible: number | null; k: string }) {
  const { t, locale, formatNumber } = useEvaluationI18n();
  const share = eligible === null ? null : turnoutShare(result.ballots, eligible);
  return (
    <>
      {result.published && result.overall ? (
        <p className="result-score" data-testid="result-score">
          <strong className="result-score-value">{formatScore(locale, result.overall.mean)}</strong>{' '}
          <span>{t('evaluation.results.interval', { interval: formatInterval(locale, result.overall) ?? '—' })}</span>
        </p>
      ) : (
        <p className="alert alert-warning" data-testid="result-below-k">
          {t('evaluation.results.belowK', { k })}
        </p>
      )}
      {result.published && result.grade && (
        <p className="result-grade" data-testid="result-grade" data-grade={result.grade} data-uncertain={result.uncertain === true}>
          <span className="badge">{gradeName(locale, result.grade)}</span>
          {result.uncertain && <span className="muted"> {t('evaluation.results.uncertain')}</span>}
        </p>
      )}
      {result.flags.length > 0 && <TendencyFlags flags={result.flags} />}
      <p className="muted" data-testid="result-ballots">
        {t('evaluation.results.ballots', { ballots: formatNumber(result.ballots) })}
        {share !== null && ` · ${t('evaluation.results.turnout', { share: formatPercent(locale, share) })}`}
      </p>
    </>
  );
}

function CadreResult({ campaign, result, eligible }: { campaign: ResultsCampaign; result: TermResult; eligible: number | null }) {
  const { t, locale, formatNumber } = useEvaluationI18n();
  const names = new Map(campaign.criteria.map((criterion) => [criterion.code, criterionName(locale, criterion)]));
  const bars = (result.criteria ?? []).map((criterion) => ({ ...criterion, name: names.get(criterion.code) ?? criterion.code }));
  return (
    <div data-testid="cadre-result">
      <p className="muted">{postTitle(locale, result.term.post)}</p>
      <ResultSummary result={result} eligible={eligible} k={formatNumber(campaign.publicationThreshold)} />
      {result.published && bars.length > 0 && (
        <div className="card">
          <h2>{t('evaluation.results.byCriterion')}</h2>
          <Suspense fallback={<Loading />}>
            <CriteriaBars bars={bars} caption={t('evaluation.results.byCriterionOf', { name: result.term.cadre.name })} />
          </Suspense>
        </div>
      )}
      {result.comments && result.comments.length > 0 && (
        <div className="card">
          <h2>{t('evaluation.results.comments')}</h2>
          <p className="muted">{t('evaluation.results.commentsNote')}</p>
          <ul className="result-comments" data-testid="result-comments">
            {result.comments.map((comment, index) => (
              <li key={index}>{comment}</li>
            ))}
          </ul>
        </div>
      )}
      <Link to="?" className="button">
        {t('evaluation.results.allCadres')}
      </Link>
    </div>
  );
}

const gradeName = (locale: string, grade: evaluation.CadreGradeCode) =>
  locale === 'zh-CN' ? evaluation.CADRE_GRADE_NAMES[grade].zhCN : evaluation.CADRE_GRADE_NAMES[grade].en;

/** Each tendency the results show, with the figures that raised it and the threshold they passed, in words. */
function TendencyFlags({ flags }: { flags: TermResult['flags'] }) {
  const { t, tryTranslate, locale } = useEvaluationI18n();
  // Typed named figures (TendencyFlag, the one flag type of the API); an unbounded value comes as null.
  const figures = (named: readonly { name: string; value: number | null }[]) =>
    named
      .map(({ name, value }) => `${tryTranslate(`evaluation.figure.${name}`) ?? name} ${value === null ? '∞' : formatScore(locale, value)}`)
      .join(' · ');
  return (
    <ul className="plain-list result-flags" data-testid="result-flags">
      {flags.map((flag) => (
        <li key={flag.code} className="alert alert-warning" data-flag={flag.code}>
          <strong>{tryTranslate(`evaluation.flag.${flag.code}`) ?? flag.code}</strong>
          <br />
          <small>
            {figures(flag.figures)} — {t('evaluation.results.threshold', { thresholds: figures(flag.thresholds) })}
          </small>
        </li>
      ))}
    </ul>
  );
}
