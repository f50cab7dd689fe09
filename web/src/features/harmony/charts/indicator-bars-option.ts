import type { HarmonyI18n } from '../harmony-i18n';
import { legendFor } from './chart-legend';
import { escapeRich, wrappedLineCount } from './chart-text';
import type { ChartTheme } from './chart-theme';
import { categoryTooltip } from './chart-tooltip';
import type { ChartOption, RenderItem } from './echarts';

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

export interface IndicatorBarsInput {
  bars: readonly IndicatorBar[];
  formatPoints(value: number): string;
  formatTick(value: number): string;
  t: HarmonyI18n['t'];
  width: number;
  theme: ChartTheme;
}

/** Per indicator: its name on a line (or more: see bandFor), the score bar and the contribution bar under it. */
const BAND = 58;
/** A name's font size and line height: a band grows by a line for each further line its longest name wraps to. */
const NAME_SIZE = 13;
const NAME_LINE = 16;
const BAR = 10;
const BAR_GAP = 3;
const X_AXIS = 26;
/** Room left of the plot for half the first tick label, right of it for a bar's figure when the bar runs to 100. */
const LEFT = 6;
const FIGURE_ROOM = 40;

const clamp = (value: number) => Math.max(0, Math.min(100, value));

/**
 * The dashed red-line mark across an indicator's score bar (the upper of its two bars): above the bar,
 * even when it is lifted for the pointer (z2 1), and under the bar's figure (z2 2), in the same z.
 */
function redLineMark(theme: ChartTheme): RenderItem {
  return (_params, api) => {
    const score = Number(api.value(0));
    if (!Number.isFinite(score)) return null;
    const [x, y] = api.coord([score, api.value(1)]);
    return {
      type: 'line',
      z2: 1.5,
      shape: { x1: x, y1: y - BAR_GAP / 2 - BAR - 4, x2: x, y2: y + 1 },
      style: { stroke: theme.redLine, lineWidth: 2, lineDash: [3, 2] },
    };
  };
}

/**
 * Horizontal bars per indicator on one 0–100 axis: the normalized score, and under it the points it
 * contributes to the index (contributions add up to the index), each with its figure. A red line is a
 * dashed mark on the score bar; an indicator past it has a hatched bar and says so in words before its
 * name; one without a value says that instead of showing an empty bar.
 */
export function indicatorBarsOption({ bars, formatPoints, formatTick, t, width, theme }: IndicatorBarsInput): {
  option: ChartOption;
  height: number;
} {
  const names = { score: t('chart.legend.score'), contribution: t('chart.legend.contribution'), redLine: t('chart.legend.redLine') };
  const { legend, height: legendHeight } = legendFor(
    [
      { name: names.score, icon: 'rect' },
      { name: names.contribution, icon: 'rect' },
      { name: names.redLine, icon: 'path://M0,0h2v3h-2z M0,5h2v3h-2z M0,10h2v3h-2z' },
    ],
    width,
    theme,
  );
  // Names wrap within the plot's width, never cut: every band has room for the most lines a name takes
  // (bands are alike on a category axis), the first band's name reaching up into the top margin.
  const labelWidth = Math.max(120, width - LEFT - FIGURE_ROOM);
  const plain = (bar: IndicatorBar) =>
    [bar.pastRedLine ? `⚠ ${t('harmony.pastRedLine')} ` : '', bar.score === null ? `${t('chart.noValue')} ` : '', bar.name].join('');
  const lines = Math.max(1, ...bars.map((bar) => wrappedLineCount(plain(bar), labelWidth, NAME_SIZE)));
  const band = BAND + (lines - 1) * NAME_LINE;
  const top = legendHeight + 4 + (lines * NAME_LINE) / 2;
  const label = (bar: IndicatorBar) =>
    [
      bar.pastRedLine ? `{warning|⚠ ${escapeRich(t('harmony.pastRedLine'))}} ` : '',
      bar.score === null ? `{muted|${escapeRich(t('chart.noValue'))}} ` : '',
      escapeRich(bar.name),
    ].join('');
  const figure = (value: number | null) => (value === null ? '' : formatPoints(value));
  const barSeries = (name: string, color: string, values: (bar: IndicatorBar) => number | null) => ({
    type: 'bar' as const,
    name,
    barWidth: BAR,
    barGap: `${(BAR_GAP / BAR) * 100}%`,
    itemStyle: { color },
    showBackground: true,
    backgroundStyle: { color: theme.track },
    label: {
      show: true,
      position: 'right' as const,
      fontSize: 11,
      color: theme.text,
      // Over a red-line mark that falls just past the bar's end, the figure stays readable.
      backgroundColor: theme.surface,
      padding: [1, 2],
      formatter: ({ dataIndex }: { dataIndex: number }) => figure(values(bars[dataIndex])),
    },
    data: bars.map((bar) => {
      const value = values(bar);
      return value === null ? '-' : clamp(value);
    }),
  });
  const score = barSeries(names.score, theme.score, (bar) => bar.score);
  return {
    height: top + bars.length * band + X_AXIS,
    option: {
      textStyle: { fontFamily: theme.fontFamily, color: theme.text },
      legend,
      // The names sit inside the plot, above their bars: the margins are set, not fitted to the labels.
      grid: { top, left: LEFT, right: FIGURE_ROOM, bottom: X_AXIS, outerBoundsMode: 'none' },
      tooltip: categoryTooltip(
        theme,
        (index) => {
          const bar = bars[index];
          return [
            bar.name,
            ...(bar.pastRedLine ? [`⚠ ${t('harmony.pastRedLine')}`] : []),
            ...(bar.winsorised ? [t('harmony.winsorised')] : []),
            ...(bar.score === null
              ? [t('harmony.noValue')]
              : [
                  t('harmony.scoreIs', { score: formatPoints(bar.score) }),
                  t('harmony.contributionIs', { points: bar.contribution === null ? '—' : formatPoints(bar.contribution) }),
                ]),
            ...(bar.redLineScore === null ? [] : [t('harmony.redLineAtScore', { score: formatPoints(bar.redLineScore) })]),
            bar.details,
          ];
        },
        'shadow',
      ),
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { color: theme.muted, fontSize: 11, formatter: formatTick },
        // Drawn at every width (a value axis has neither by default): the scale reads without the grid lines.
        axisLine: { show: true, lineStyle: { color: theme.muted } },
        axisTick: { show: true, length: 4, lineStyle: { color: theme.muted } },
        splitLine: { lineStyle: { color: theme.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.code),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: {
          inside: true,
          interval: 0,
          margin: 0,
          align: 'left',
          verticalAlign: 'bottom',
          // Lifts the name above the two bars of its band.
          padding: [0, 0, BAR + BAR_GAP / 2 + 4, 0],
          width: labelWidth,
          overflow: 'break',
          lineHeight: NAME_LINE,
          color: theme.text,
          fontSize: NAME_SIZE,
          formatter: (_code: string, index: number) => label(bars[index]),
          rich: {
            warning: { color: theme.redLine, fontWeight: 'bold', fontSize: 12, lineHeight: NAME_LINE },
            muted: { color: theme.muted, fontSize: 12, lineHeight: NAME_LINE },
          },
        },
      },
      series: [
        {
          ...score,
          data: bars.map((bar, index) =>
            bar.pastRedLine
              ? {
                  value: score.data[index],
                  itemStyle: {
                    color: theme.scorePast,
                    decal: {
                      symbol: 'rect',
                      symbolSize: 1,
                      rotation: Math.PI / 4,
                      dashArrayX: [1, 0],
                      dashArrayY: [2, 3],
                      color: theme.redLine,
                    },
                  },
                }
              : score.data[index],
          ),
        },
        barSeries(names.contribution, theme.contribution, (bar) => bar.contribution),
        {
          type: 'custom',
          name: names.redLine,
          itemStyle: { color: theme.redLine },
          encode: { x: 0, y: 1 },
          renderItem: redLineMark(theme),
          data: bars.map((bar, index) => [bar.redLineScore === null ? '-' : clamp(bar.redLineScore), index]),
        },
      ],
    },
  };
}
