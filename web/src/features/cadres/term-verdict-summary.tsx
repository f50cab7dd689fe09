import { CadreGradeBadge, useNumberWords, VerdictFlags, type VerdictView } from '../appraisal/verdict-card';
import { useAppraisalI18n } from '../appraisal/appraisal-i18n';

/** A term's verdict in a row of the cadre's terms: the appraisal's own grade badge, score with its interval, and flags explained. */
export function TermVerdictSummary({ verdict }: { verdict: VerdictView }) {
  const { t } = useAppraisalI18n();
  const words = useNumberWords();
  return (
    <div data-testid="term-verdict">
      <CadreGradeBadge grade={verdict.grade} uncertain={verdict.uncertain} />{' '}
      <span data-testid="term-verdict-score">
        {t('appraisal.verdict.score', {
          score: words.points(verdict.score),
          low: words.points(verdict.low),
          high: words.points(verdict.high),
        })}
      </span>
      {verdict.flags.length > 0 && <VerdictFlags flags={verdict.flags} />}
    </div>
  );
}
