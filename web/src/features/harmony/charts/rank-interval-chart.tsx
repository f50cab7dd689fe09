import { useHarmonyI18n } from '../harmony-i18n';
import { chartTheme } from './chart-theme';
import { LazyEChart } from './lazy-echart';
import { rankIntervalOption, type RankIntervalRow } from './rank-interval-option';
import { useChartWidth } from './use-chart-width';

export type { RankIntervalRow } from './rank-interval-option';

interface RankIntervalChartProps {
  title: string;
  description: string;
  rows: readonly RankIntervalRow[];
  /** How many regions are ranked: the axis runs from 1 (best, left) to this. */
  count: number;
  testId?: string;
}

/** Rank intervals under perturbed weights (ECharts); the page lists the same figures in its table. */
export function RankIntervalChart({ title, description, rows, count, testId }: RankIntervalChartProps) {
  const { t, formatNumber } = useHarmonyI18n();
  const { ref, width } = useChartWidth<HTMLElement>(720);
  const { option, height } = rankIntervalOption({ rows, count, formatRank: formatNumber, t, width, theme: chartTheme() });
  return (
    <figure className="chart rank-chart" data-testid={testId} ref={ref}>
      <LazyEChart option={option} height={height} description={t('chart.accessibleName', { title, description })} />
    </figure>
  );
}
