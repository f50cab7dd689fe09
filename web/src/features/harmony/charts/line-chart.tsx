import { useHarmonyI18n } from '../harmony-i18n';
import { ChartFigures } from './chart-figures';
import { chartTheme } from './chart-theme';
import { LazyEChart } from './lazy-echart';
import { LINE_CHART_HEIGHT, lineChartOption, type LinePoint, type Threshold } from './line-chart-option';
import { useChartWidth } from './use-chart-width';

export type { LinePoint, Threshold } from './line-chart-option';

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

/**
 * A line over periods (ECharts), with dashed threshold lines, and its figures in a table folded under it.
 */
export function LineChart({ title, description, points, thresholds = [], valueHeader, labelHeader, formatValue, testId }: LineChartProps) {
  const { t, formatNumber } = useHarmonyI18n();
  const { ref, width } = useChartWidth<HTMLElement>(640);
  const option = lineChartOption({
    points,
    thresholds,
    valueHeader,
    labelHeader,
    t,
    formatValue,
    formatTick: formatNumber,
    width,
    theme: chartTheme(),
  });
  return (
    <figure className="chart" data-testid={testId} ref={ref}>
      <LazyEChart option={option} height={LINE_CHART_HEIGHT} description={t('chart.accessibleName', { title, description })} />
      <ChartFigures
        caption={title}
        headers={[labelHeader, valueHeader]}
        rows={points.map((point) => ({
          key: point.label,
          cells: [
            point.label,
            `${point.value === null ? t('chart.noValue') : formatValue(point.value)}${point.note ? ` · ${point.note}` : ''}`,
          ],
        }))}
      />
    </figure>
  );
}
