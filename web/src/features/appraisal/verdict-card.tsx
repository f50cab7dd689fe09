import { evaluation } from '@massline/shared';
import type { ResultOf } from '../../app/graphql';
import { useAppraisalI18n } from './appraisal-i18n';
import type { VerdictFields } from './appraisal.operations';
import { flagSentences, type NumberWords } from './verdict-words';

export type VerdictView = ResultOf<typeof VerdictFields>;

/** Numbers as a verdict shows them: points with one decimal, shares as whole percentages, money as it is. */
export function useNumberWords(): NumberWords {
  const { locale } = useAppraisalI18n();
  const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return { points: (value) => points.format(value), percent: (share) => percent.format(share), amount: (value) => amount.format(value) };
}

/** A grade with its name in the reader's language, and "uncertain" in words (not only in colour) when it is. */
export function CadreGradeBadge({ grade, uncertain }: { grade: evaluation.CadreGradeCode; uncertain: boolean }) {
  const { locale, t } = useAppraisalI18n();
  const name = evaluation.CADRE_GRADE_NAMES[grade][locale === 'zh-CN' ? 'zhCN' : 'en'];
  return (
    <span
      className={`badge cadre-grade cadre-grade-${grade.toLowerCase().replace(/_/g, '-')}${uncertain ? ' cadre-grade-uncertain' : ''}`}
      data-testid="cadre-grade"
      data-grade={grade}
      data-uncertain={uncertain}
      title={uncertain ? t('appraisal.verdict.uncertain') : undefined}
    >
      {uncertain ? `${name} ?` : name}
    </span>
  );
}

/** The flags of a verdict, each named and explained with its figures against its thresholds. */
export function VerdictFlags({ flags }: { flags: VerdictView['flags'] }) {
  const { t } = useAppraisalI18n();
  const words = useNumberWords();
  if (flags.length === 0) return <p className="muted">{t('appraisal.flags.none')}</p>;
  return (
    <ul className="flag-list" data-testid="verdict-flags">
      {flags.map((flag) => (
        <li key={flag.code} data-flag={flag.code}>
          <strong className="badge badge-warning">{t(`appraisal.flag.${flag.code}`)}</strong>{' '}
          {flagSentences(flag, words).map((sentence) => (
            <span key={sentence.key}>{t(sentence.key, sentence.params)} </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** One verdict in full: score and interval, grade, its sources and weights, criteria, audit penalties and flags. */
export function VerdictCard({ verdict }: { verdict: VerdictView }) {
  const { t, locale } = useAppraisalI18n();
  const words = useNumberWords();
  const weight = (share: number) => words.percent(share).replace(/\s?%$/, '');
  const { source } = verdict;
  const title = locale === 'zh-CN' ? source.titleZh : source.title;
  return (
    <section className="card verdict-card" data-testid="verdict-card" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t('appraisal.verdict.title')}</h2>
      <p className="verdict-score">
        <CadreGradeBadge grade={verdict.grade} uncertain={verdict.uncertain} />{' '}
        <span data-testid="verdict-score">
          {t('appraisal.verdict.score', {
            score: words.points(verdict.score),
            low: words.points(verdict.low),
            high: words.points(verdict.high),
          })}
        </span>
      </p>
      {verdict.uncertain && <p className="alert alert-info">{t('appraisal.verdict.uncertain')}</p>}
      <p className="muted">
        {source.eligible === null
          ? t('appraisal.verdict.source', { title, period: source.period, ballots: source.ballots })
          : t('appraisal.verdict.sourceEligible', { title, period: source.period, ballots: source.ballots, eligible: source.eligible })}
      </p>
      <dl className="verdict-components">
        <dt>{t('appraisal.component.mass')}</dt>
        <dd>
          {verdict.mass.mean === null ? '—' : words.points(verdict.mass.mean)} ·{' '}
          {t('appraisal.component.weight', { weight: weight(verdict.weights.mass) })}
        </dd>
        <dt>{t('appraisal.component.inspection')}</dt>
        <dd>
          {verdict.inspection
            ? `${words.points(verdict.inspection.score)} · ${t('appraisal.component.weight', { weight: weight(verdict.weights.inspection) })}`
            : t('appraisal.component.missing')}
        </dd>
        <dt>{t('appraisal.component.audit')}</dt>
        <dd>
          {verdict.audit ? (
            <>
              {words.points(verdict.audit.score)} · {t('appraisal.component.weight', { weight: weight(verdict.weights.audit) })}
              <br />
              <span className="muted">
                {t('appraisal.penalties', {
                  debt: words.points(verdict.audit.penalties.debtGrowth),
                  irregular: words.points(verdict.audit.penalties.irregularFunds),
                  showcase: words.points(verdict.audit.penalties.showcaseSpending),
                  findings: words.points(verdict.audit.penalties.findings),
                })}
              </span>
            </>
          ) : (
            t('appraisal.component.missing')
          )}
        </dd>
      </dl>
      <h3>{t('appraisal.criteria.title')}</h3>
      <ul className="criterion-scores">
        {verdict.criteria.map((criterion) => (
          <li key={criterion.code}>
            <span>{locale === 'zh-CN' ? criterion.nameZh : criterion.nameEn}</span>{' '}
            <span>
              {criterion.mean === null
                ? '—'
                : `${words.points(criterion.mean)} (${words.points(criterion.low ?? criterion.mean)}–${words.points(criterion.high ?? criterion.mean)})`}
            </span>
            {criterion.dontKnow > 0 && <span className="muted"> · {t('appraisal.criteria.dontKnow', { count: criterion.dontKnow })}</span>}
          </li>
        ))}
      </ul>
      <VerdictFlags flags={verdict.flags} />
      <p className="muted">{t('appraisal.verdict.settings', { version: verdict.settingsVersion })}</p>
    </section>
  );
}
