import type { HarmonyI18n } from '../harmony-i18n';
import { legendFor } from './chart-legend';
import { escapeRich } from './chart-text';
import type { ChartTheme } from './chart-theme';
import { categoryTooltip } from './chart-tooltip';
import type { ChartOption, RenderItem } from './echarts';

export interface RankIntervalRow {
  id: string;
  label: string;
  nominalRank: number | null;
  medianRank: number | null;
  low: number | null;
  high: number | null;
}

export interface RankIntervalInput {
  rows: readonly RankIntervalRow[];
  /** How many regions are ranked: the axis runs from 1 (best, left) to this. */
  count: number;
  formatRank(value: number): string;
  t: HarmonyI18n['t'];
  width: number;
  theme: ChartTheme;
}

const ROW_HEIGHT = 30;
/** The line over the plot saying which end is best. */
const ENDS = 22;
const X_AXIS = 26;

/** The 5–95 % interval: a thick line with round ends from the low rank to the high one. */
function intervalBar(theme: ChartTheme): RenderItem {
  return (_params, api) => {
    const low = Number(api.value(0));
    const high = Number(api.value(1));
    if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
    const [x1, y] = api.coord([low, api.value(2)]);
    const [x2] = api.coord([Math.max(low, high), api.value(2)]);
    return { type: 'line', shape: { x1, y1: y, x2, y2: y }, style: { stroke: theme.interval, lineWidth: 8, lineCap: 'round' } };
  };
}

/**
 * Per region, the interval of ranks it took under perturbed weights: a bar from the 5th to the 95th
 * percentile, a dot at the median and a hollow diamond at the rank under the nominal weights (the dot
 * drawn over it, so that both show when they fall on one rank). A short bar is a robust rank; a long one
 * says the ranking depends on the weights.
 */
export function rankIntervalOption({ rows, count, formatRank, t, width, theme }: RankIntervalInput): {
  option: ChartOption;
  height: number;
} {
  const names = { interval: t('chart.legend.interval'), median: t('chart.legend.median'), nominal: t('chart.legend.nominal') };
  const { legend, height: legendHeight } = legendFor(
    [
      { name: names.interval, icon: 'roundRect' },
      { name: names.median, icon: 'circle' },
      { name: names.nominal, icon: 'path://M5,0L10,5L5,10L0,5Z' },
    ],
    width,
    theme,
  );
  const top = legendHeight + 10 + ENDS;
  const max = Math.max(2, count);
  // The label column takes a quarter of a wide chart, more of a narrow one.
  const labelWidth = Math.round(Math.min(200, Math.max(110, width * 0.3))) - 10;
  const step = Math.max(1, Math.ceil(max / Math.max(4, Math.floor((width - labelWidth) / 40))));
  const rank = (value: number | null) => (value === null ? '—' : formatRank(value));
  const axisText = { color: theme.muted, fontSize: 11 };
  return {
    height: top + rows.length * ROW_HEIGHT + X_AXIS,
    option: {
      textStyle: { fontFamily: theme.fontFamily, color: theme.text },
      legend,
      grid: { top, left: 0, right: 18, bottom: 4 },
      tooltip: categoryTooltip(
        theme,
        (index) => {
          const row = rows[index];
          return [
            row.label,
            t('chart.labelValue', { label: names.nominal, value: rank(row.nominalRank) }),
            t('chart.labelValue', { label: names.median, value: rank(row.medianRank) }),
            t('chart.labelValue', { label: names.interval, value: `${rank(row.low)} – ${rank(row.high)}` }),
          ];
        },
        'shadow',
      ),
      xAxis: [
        {
          type: 'value',
          min: 1,
          max,
          interval: step,
          axisLabel: { ...axisText, formatter: formatRank, hideOverlap: true },
          axisLine: { show: false },
          splitLine: { lineStyle: { color: theme.grid } },
        },
        {
          // Only says which end is best: 1 on the left.
          type: 'value',
          position: 'top',
          min: 1,
          max,
          axisLine: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: {
            ...axisText,
            customValues: [1, max],
            alignMinLabel: 'left',
            alignMaxLabel: 'right',
            formatter: (value: number) => escapeRich(value === 1 ? t('chart.rankBest') : t('chart.rankWorst')),
          },
        },
      ],
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.id),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: {
          interval: 0,
          // Clear of the diamond at rank 1.
          margin: 14,
          width: labelWidth,
          overflow: 'truncate',
          ellipsis: '…',
          color: theme.text,
          fontSize: 12,
          formatter: (_id: string, index: number) => escapeRich(rows[index].label),
        },
      },
      series: [
        {
          type: 'custom',
          name: names.interval,
          itemStyle: { color: theme.interval },
          encode: { x: [0, 1], y: 2 },
          renderItem: intervalBar(theme),
          data: rows.map((row, index) => [row.low ?? '-', row.high ?? '-', index]),
        },
        {
          type: 'scatter',
          name: names.nominal,
          symbol: 'diamond',
          symbolSize: 18,
          z: 3,
          itemStyle: { color: theme.surface, borderColor: theme.nominal, borderWidth: 2, opacity: 1 },
          data: rows.map((row, index) => [row.nominalRank ?? '-', index]),
        },
        {
          type: 'scatter',
          name: names.median,
          symbol: 'circle',
          symbolSize: 8,
          z: 4,
          itemStyle: { color: theme.text, opacity: 1 },
          data: rows.map((row, index) => [row.medianRank ?? '-', index]),
        },
      ],
    },
  };
}
