import { useId } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider';

export interface IndicatorBar {
  code: string;
  name: string;
  /** Normalized score on 0–100; null when the indicator has no value (never drawn as zero). */
  score: number | null;
  /** Points of the index this indicator contributes. */
  contribution: number | null;
  /** The score the red line corresponds to, when the method has one and it can be placed on the scale. */
  redLineScore: number | null;
  pastRedLine: boolean;
  /** The figures in words, e.g. "value 0.355 (0–1) · weight 14 %". */
  details: string;
  winsorised: boolean;
}

interface IndicatorBarsProps {
  title: string;
  description: string;
  bars: readonly IndicatorBar[];
  formatPoints(value: number): string;
  testId?: string;
}

/**
 * Horizontal bars per indicator, on one 0–100 axis: the normalized score, and under it the points it
 * contributes to the index (contributions add up to the index). A red line is a dashed mark on the
 * score bar; an indicator past it is hatched and says so in words.
 */
export function IndicatorBars({ title, description, bars, formatPoints, testId }: IndicatorBarsProps) {
  const { t } = useI18n();
  const id = useId();
  const hatchId = `${id}-hatch`;
  return (
    <figure className="chart breakdown" data-testid={testId} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption>
        <span id={`${id}-title`} className="visually-hidden">
          {title}
        </span>
        <span id={`${id}-desc`} className="chart-legend">
          <span className="legend-item">
            <span className="legend-swatch swatch-score" aria-hidden="true" />
            {t('chart.legend.score')}
          </span>
          <span className="legend-item">
            <span className="legend-swatch swatch-contribution" aria-hidden="true" />
            {t('chart.legend.contribution')}
          </span>
          <span className="legend-item">
            <span className="legend-swatch swatch-red-line" aria-hidden="true" />
            {t('chart.legend.redLine')}
          </span>
          <span className="visually-hidden">{description}</span>
        </span>
      </figcaption>
      <ul className="breakdown-list">
        {bars.map((bar) => (
          <li key={bar.code} className={bar.pastRedLine ? 'breakdown-row is-past-red-line' : 'breakdown-row'} data-indicator={bar.code}>
            <div className="breakdown-label">
              <strong>{bar.name}</strong>
              {bar.pastRedLine && (
                <span className="badge badge-red-line">
                  <span aria-hidden="true">⚠ </span>
                  {t('harmony.pastRedLine')}
                </span>
              )}
              {bar.winsorised && <span className="badge">{t('harmony.winsorised')}</span>}
            </div>
            <div className="breakdown-figures">
              {bar.score === null ? (
                <span className="muted">{t('harmony.noValue')}</span>
              ) : (
                <>
                  <span>{t('harmony.scoreIs', { score: formatPoints(bar.score) })}</span>
                  <span>{t('harmony.contributionIs', { points: bar.contribution === null ? '—' : formatPoints(bar.contribution) })}</span>
                </>
              )}
              {bar.redLineScore !== null && (
                <span className="muted">{t('harmony.redLineAtScore', { score: formatPoints(bar.redLineScore) })}</span>
              )}
              <span className="muted">{bar.details}</span>
            </div>
            <svg className="breakdown-bars" viewBox="0 0 100 22" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <defs>
                <pattern id={hatchId} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="3" height="3" className="bar-score is-past" />
                  <line x1="0" y1="0" x2="0" y2="3" className="bar-hatch" />
                </pattern>
              </defs>
              <rect x="0" y="1" width="100" height="9" className="bar-track" />
              {bar.score !== null && (
                <rect
                  x="0"
                  y="1"
                  width={clamp(bar.score)}
                  height="9"
                  className="bar-score"
                  fill={bar.pastRedLine ? `url(#${hatchId})` : undefined}
                />
              )}
              <rect x="0" y="12" width="100" height="9" className="bar-track" />
              {bar.contribution !== null && <rect x="0" y="12" width={clamp(bar.contribution)} height="9" className="bar-contribution" />}
              {bar.redLineScore !== null && (
                <line
                  x1={clamp(bar.redLineScore)}
                  x2={clamp(bar.redLineScore)}
                  y1="0"
                  y2="11"
                  className="bar-red-line"
                  vectorEffect="non-scaling-stroke"
                />
              )}
            </svg>
          </li>
        ))}
      </ul>
      <div className="breakdown-axis" aria-hidden="true">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </div>
    </figure>
  );
}

const clamp = (value: number) => Math.max(0, Math.min(100, value));
