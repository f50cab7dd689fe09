import { useId } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider';
import { linearScale } from './chart-scale';
import { useChartWidth } from './use-chart-width';

export interface RankIntervalRow {
  id: string;
  label: string;
  nominalRank: number | null;
  medianRank: number | null;
  low: number | null;
  high: number | null;
}

interface RankIntervalChartProps {
  title: string;
  description: string;
  rows: readonly RankIntervalRow[];
  /** How many regions are ranked: the axis runs from 1 (best, left) to this. */
  count: number;
  testId?: string;
}

const ROW_HEIGHT = 30;
const TOP = 26;
const RIGHT = 18;

/** Keeps a label within the label column (about 7 px per Latin letter, 13 per Chinese character). */
function fitLabel(label: string, labelWidth: number): string {
  let width = 0;
  for (let i = 0; i < label.length; i++) {
    width += label.charCodeAt(i) > 0x2e80 ? 13 : 7;
    if (width > labelWidth - 24) return `${label.slice(0, i)}…`;
  }
  return label;
}

/**
 * Per region, the interval of ranks it took under perturbed weights: a bar from the 5th to the 95th
 * percentile, a dot at the median and a diamond at the rank under the nominal weights. A short bar is a
 * robust rank; a long one says the ranking depends on the weights.
 */
export function RankIntervalChart({ title, description, rows, count, testId }: RankIntervalChartProps) {
  const { t } = useI18n();
  const id = useId();
  const { ref, width } = useChartWidth<HTMLElement>(720);
  // The label column takes a quarter of a wide chart, more of a narrow one.
  const labelWidth = Math.round(Math.min(200, Math.max(110, width * 0.3)));
  const height = TOP + rows.length * ROW_HEIGHT + 28;
  const x = linearScale([1, Math.max(2, count)], [labelWidth, width - RIGHT]);
  const ranks = Array.from({ length: Math.max(2, count) }, (_, index) => index + 1);
  const step = Math.max(1, Math.ceil(ranks.length / Math.max(4, Math.floor((width - labelWidth) / 40))));
  return (
    <figure className="chart rank-chart" data-testid={testId} ref={ref}>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="legend-swatch swatch-interval" aria-hidden="true" />
          {t('chart.legend.interval')}
        </span>
        <span className="legend-item">
          <span className="legend-dot" aria-hidden="true" />
          {t('chart.legend.median')}
        </span>
        <span className="legend-item">
          <span className="legend-diamond" aria-hidden="true" />
          {t('chart.legend.nominal')}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text x={labelWidth} y={12} className="chart-tick" textAnchor="start">
          {t('chart.rankBest')}
        </text>
        <text x={width - RIGHT} y={12} className="chart-tick" textAnchor="end">
          {t('chart.rankWorst')}
        </text>
        {ranks
          .filter((rank) => (rank - 1) % step === 0 || rank === ranks.length)
          .map((rank) => (
            <g key={rank} className="chart-grid">
              <line x1={x(rank)} x2={x(rank)} y1={TOP - 4} y2={height - 24} />
              <text x={x(rank)} y={height - 8} textAnchor="middle" className="chart-tick">
                {rank}
              </text>
            </g>
          ))}
        {rows.map((row, index) => {
          const cy = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
          const summary = t('chart.rankSummary', {
            region: row.label,
            nominal: row.nominalRank ?? '—',
            median: row.medianRank ?? '—',
            low: row.low ?? '—',
            high: row.high ?? '—',
          });
          return (
            <g key={row.id} className="rank-row">
              <title>{summary}</title>
              <text x={labelWidth - 10} y={cy} dy="0.32em" textAnchor="end" className="chart-label">
                {fitLabel(row.label, labelWidth)}
              </text>
              {row.low !== null && row.high !== null && (
                <line x1={x(row.low)} x2={x(Math.max(row.low, row.high))} y1={cy} y2={cy} className="rank-interval" />
              )}
              {row.nominalRank !== null && (
                <rect
                  x={x(row.nominalRank) - 7}
                  y={cy - 7}
                  width={14}
                  height={14}
                  transform={`rotate(45 ${x(row.nominalRank)} ${cy})`}
                  className="rank-nominal"
                />
              )}
              {/* The median last, so that it shows inside the hollow diamond when both fall on one rank. */}
              {row.medianRank !== null && <circle cx={x(row.medianRank)} cy={cy} r={4} className="rank-median" />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
