import { useEvaluationI18n } from './evaluation-i18n';
import { formatInterval, formatScore, intervalGeometry, type ScoreInterval } from './result-format';

export interface CriterionBar extends ScoreInterval {
  code: string;
  name: string;
  /** Scored answers. */
  n: number;
  dontKnow: number;
}

/**
 * Satisfaction per criterion as horizontal bars on the 0–100 scale, each with its 95 % interval as a
 * whisker, its figures written beside it (the chart is read, not only seen), and every figure again in a
 * table for screen readers. Plain SVG-free markup: it reflows at 375 px without measuring anything.
 */
export function CriteriaBars({ bars, caption }: { bars: readonly CriterionBar[]; caption: string }) {
  const { t, locale, formatNumber } = useEvaluationI18n();
  return (
    <figure className="criteria-bars" data-testid="criteria-bars">
      <figcaption className="visually-hidden">{caption}</figcaption>
      <ul className="plain-list" aria-hidden="true">
        {bars.map((bar) => {
          const geometry = intervalGeometry(bar);
          const interval = formatInterval(locale, bar);
          return (
            <li key={bar.code} className="criterion-bar" data-testid="criterion-bar" data-criterion={bar.code}>
              <div className="criterion-bar-label">
                <span>{bar.name}</span>
                <strong>{formatScore(locale, bar.mean)}</strong>
              </div>
              <div className="criterion-bar-track">
                {geometry && (
                  <>
                    <span className="criterion-bar-fill" style={{ width: `${geometry.bar}%` }} />
                    <span
                      className="criterion-bar-whisker"
                      style={{ left: `${geometry.low}%`, width: `${geometry.high - geometry.low}%` }}
                    />
                  </>
                )}
              </div>
              <small className="muted">
                {interval ? t('evaluation.results.interval', { interval }) : t('evaluation.results.noScore')}
                {' · '}
                {t('evaluation.results.answers', { n: formatNumber(bar.n), dontKnow: formatNumber(bar.dontKnow) })}
              </small>
            </li>
          );
        })}
      </ul>
      {/* A table ignores a 1 px width: the box around it is what is hidden. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.results.criterion')}</th>
              <th scope="col">{t('evaluation.results.score')}</th>
              <th scope="col">{t('evaluation.results.ci')}</th>
              <th scope="col">{t('evaluation.results.scored')}</th>
              <th scope="col">{t('evaluation.results.dontKnow')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.code}>
                <th scope="row">{bar.name}</th>
                <td>{formatScore(locale, bar.mean)}</td>
                <td>{formatInterval(locale, bar) ?? '—'}</td>
                <td>{formatNumber(bar.n)}</td>
                <td>{formatNumber(bar.dontKnow)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
