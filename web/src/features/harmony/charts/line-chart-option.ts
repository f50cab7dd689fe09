import type { HarmonyI18n } from '../harmony-i18n';
import { escapeRich } from './chart-text';
import type { ChartTheme } from './chart-theme';
import { categoryTooltip } from './chart-tooltip';
import type { ChartOption } from './echarts';

export interface LinePoint {
  /** The x label, e.g. a period. */
  label: string;
  value: number | null;
  /** Said with the value (in the point's tooltip and the data table), e.g. a grade. */
  note?: string;
  /** The point the page is about (the selected period): drawn larger and filled. */
  highlighted?: boolean;
}

export interface Threshold {
  value: number;
  label: string;
}

export interface LineChartInput {
  points: readonly LinePoint[];
  thresholds: readonly Threshold[];
  valueHeader: string;
  labelHeader: string;
  t: HarmonyI18n['t'];
  formatValue(value: number): string;
  formatTick(value: number): string;
  width: number;
  theme: ChartTheme;
}

export const LINE_CHART_HEIGHT = 280;

/**
 * The index axis: 0–100 around the values, padded by five points so that small changes show, with about
 * five round steps (1, 2 or 5 × 10ⁿ) and ends on a step, so that every label is a round number.
 */
export function indexScale(values: readonly number[]): { min: number; max: number; interval: number } {
  if (values.length === 0) return { min: 0, max: 100, interval: 20 };
  const lo = Math.max(0, Math.min(...values) - 5);
  const hi = Math.min(100, Math.max(...values) + 5);
  const raw = Math.max(2, hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const interval = [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw) ?? raw;
  return { min: Math.floor(lo / interval) * interval, max: Math.ceil(hi / interval) * interval, interval };
}

/**
 * A line over periods: gaps where a value is missing (never drawn as zero), dashed grade-band lines
 * named at their end, the highlighted point larger and filled. About one period label per 80 px,
 * counted back from the latest period so that it is always labelled.
 */
export function lineChartOption({
  points,
  thresholds,
  valueHeader,
  labelHeader,
  t,
  formatValue,
  formatTick,
  width,
  theme,
}: LineChartInput): ChartOption {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const { min, max, interval } = indexScale(values);
  const every = Math.max(1, Math.ceil(points.length / Math.max(3, Math.floor(width / 80))));
  const labelled = (index: number) => (points.length - 1 - index) % every === 0;
  const axisText = { color: theme.muted, fontSize: 11 };
  return {
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: { left: 4, right: 12, top: 30, bottom: 4 },
    tooltip: categoryTooltip(
      theme,
      (index) => {
        const point = points[index];
        const value = point.value === null ? t('chart.noValue') : formatValue(point.value);
        return [point.label, t('chart.labelValue', { label: valueHeader, value }), ...(point.note ? [point.note] : [])];
      },
      'line',
    ),
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((point) => point.label),
      name: labelHeader,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: axisText,
      axisLabel: { ...axisText, interval: (index: number) => labelled(index), formatter: (label: string) => escapeRich(label) },
      axisTick: { alignWithLabel: true, interval: (index: number) => labelled(index) },
      axisLine: { lineStyle: { color: theme.muted } },
    },
    yAxis: {
      type: 'value',
      min,
      max,
      interval,
      name: valueHeader,
      nameTextStyle: { ...axisText, align: 'right' },
      axisLabel: { ...axisText, formatter: formatTick },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        type: 'line',
        name: valueHeader,
        connectNulls: false,
        lineStyle: { color: theme.line, width: 2.5 },
        itemStyle: { color: theme.line, borderWidth: 2 },
        data: points.map((point) => ({
          value: point.value ?? '-',
          symbol: point.highlighted ? 'circle' : 'emptyCircle',
          symbolSize: point.highlighted ? 12 : 7,
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: theme.muted, type: [5, 4], width: 1 },
          label: { position: 'insideEndTop', formatter: '{b}', color: theme.muted, fontSize: 11 },
          data: thresholds
            .filter((threshold) => threshold.value > min && threshold.value < max)
            .map((threshold) => ({ name: threshold.label, yAxis: threshold.value })),
        },
      },
    ],
  };
}
