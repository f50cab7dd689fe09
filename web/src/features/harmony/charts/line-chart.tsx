import { useId } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider';
import { indexDomain, labelsToShow, linearScale, niceTicks } from './chart-scale';
import { useChartWidth } from './use-chart-width';

export interface LinePoint {
  /** The x label, e.g. a period. */
  label: string;
  value: number | null;
  /** Said with the value (in the point's tooltip and the data table), e.g. a grade. */
  note?: string;
  /** The point the page is about (the selected period): drawn larger. */
  highlighted?: boolean;
}

export interface Threshold {
  value: number;
  label: string;
}

interface LineChartProps {
  title: string;
  /** What the chart shows, in words (read by screen readers with the title). */
  description: string;
  points: readonly LinePoint[];
  thresholds?: readonly Threshold[];
  valueHeader: string;
  labelHeader: string;
  formatValue(value: number): string;
  testId?: string;
}

const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 40 };

/**
 * A line over periods, hand-written SVG: gaps where a value is missing (never drawn as zero), dashed
 * threshold lines with their names, the highlighted point larger. The figures are also in a data
 * table under the chart, for screen readers and for whoever wants the exact numbers.
 */
export function LineChart({ title, description, points, thresholds = [], valueHeader, labelHeader, formatValue, testId }: LineChartProps) {
  const { t } = useI18n();
  const id = useId();
  const { ref, width } = useChartWidth<HTMLElement>(640);
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const domain = indexDomain(values);
  const x = linearScale([0, Math.max(1, points.length - 1)], [MARGIN.left + 8, width - MARGIN.right - 8]);
  const y = linearScale(domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  // About one period label per 80 px.
  const shownLabels = labelsToShow(points.length, Math.max(3, Math.floor(width / 80)));
  const visibleThresholds = thresholds.filter((threshold) => threshold.value > domain[0] && threshold.value < domain[1]);

  // Runs of consecutive values: a missing value breaks the line.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
    }
  });
  if (current.length) segments.push(current.join(' '));

  return (
    <figure className="chart" data-testid={testId} ref={ref}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {niceTicks(domain, 5).map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="chart-tick">
              {tick}
            </text>
          </g>
        ))}
        {visibleThresholds.map((threshold) => (
          <g key={threshold.label} className="chart-threshold">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(threshold.value)} y2={y(threshold.value)} />
            <text x={width - MARGIN.right - 4} y={y(threshold.value) - 4} textAnchor="end" className="chart-threshold-label">
              {threshold.label}
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        {segments.map((segment) => (
          <polyline key={segment} points={segment} className="chart-line" />
        ))}
        {points.map((point, index) =>
          point.value === null ? null : (
            <circle
              key={point.label}
              cx={x(index)}
              cy={y(point.value)}
              r={point.highlighted ? 6 : 3.5}
              className={point.highlighted ? 'chart-point is-highlighted' : 'chart-point'}
            >
              <title>{`${point.label}: ${formatValue(point.value)}${point.note ? ` (${point.note})` : ''}`}</title>
            </circle>
          ),
        )}
        {points.map((point, index) =>
          shownLabels.has(index) ? (
            <text key={point.label} x={x(index)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="chart-tick">
              {point.label}
            </text>
          ) : null,
        )}
      </svg>
      <details className="chart-data">
        <summary>{t('chart.showData')}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <td data-label={labelHeader}>{point.label}</td>
                <td data-label={valueHeader}>
                  {point.value === null ? t('chart.noValue') : formatValue(point.value)}
                  {point.note ? ` · ${point.note}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
