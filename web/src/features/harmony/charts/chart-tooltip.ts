import type { TooltipComponentOption } from 'echarts/components';
import { escapeHtml } from './chart-text';
import type { ChartTheme } from './chart-theme';
import type { TooltipParams } from './echarts';

/** The index of the pointed category: every series' data is laid out one item per category. */
export function pointedIndex(params: TooltipParams): number | null {
  const first = Array.isArray(params) ? params[0] : params;
  return first ? first.dataIndex : null;
}

/**
 * A tooltip for the whole category under the pointer (easier to hit with a finger than a dot), kept
 * inside the chart and wrapping, in the page's type. `lines` gives its lines as plain text, the first
 * one in bold.
 */
export function categoryTooltip(theme: ChartTheme, lines: (index: number) => string[], pointer: 'line' | 'shadow'): TooltipComponentOption {
  return {
    trigger: 'axis',
    axisPointer: { type: pointer },
    confine: true,
    backgroundColor: theme.surface,
    borderColor: theme.border,
    textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: 13 },
    extraCssText: 'white-space: normal; max-width: min(22rem, 80vw); box-shadow: 0 2px 8px rgb(0 0 0 / 12%);',
    formatter: (params) => {
      const index = pointedIndex(params);
      if (index === null) return '';
      const [head, ...rest] = lines(index).map(escapeHtml);
      return [`<strong>${head}</strong>`, ...rest].join('<br>');
    },
  };
}
