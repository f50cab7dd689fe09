import type { LegendComponentOption } from 'echarts/components';
import type { ChartTheme } from './chart-theme';

export interface LegendEntry {
  name: string;
  /** An ECharts symbol ('rect', 'circle', 'diamond', 'path://…'), drawn like the series. */
  icon: string;
}

const FONT_SIZE = 12;
const ICON_WIDTH = 18;
const ICON_GAP = 5;
const ITEM_GAP = 14;
const ROW_HEIGHT = 16;
const ROW_GAP = 6;

let context: CanvasRenderingContext2D | null = null;

/** The width in pixels of `text` in the charts' type, measured as ECharts measures it: with a canvas. */
function textWidth(text: string, theme: ChartTheme): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * FONT_SIZE;
  context.font = `${FONT_SIZE}px ${theme.fontFamily}`;
  return context.measureText(text).width;
}

/**
 * A key to the chart at its top, on one line when it fits the width, else one entry a line (long entries
 * wrapping), and the height it takes, for the plot to start below it. Not a filter: clicking does nothing.
 */
export function legendFor(
  entries: readonly LegendEntry[],
  width: number,
  theme: ChartTheme,
): { legend: LegendComponentOption; height: number } {
  const widths = entries.map((entry) => textWidth(entry.name, theme));
  const inOneLine = widths.reduce((sum, w) => sum + ICON_WIDTH + ICON_GAP + w, 0) + ITEM_GAP * (entries.length - 1);
  const horizontal = inOneLine <= width;
  const room = width - ICON_WIDTH - ICON_GAP;
  // Wrapping breaks between words, which wastes some of each line: count a little more than the bare width.
  const rows = horizontal ? 1 : widths.reduce((sum, w) => sum + Math.max(1, Math.ceil(w / (room * 0.85))), 0);
  const height = rows * ROW_HEIGHT + (horizontal ? 0 : (entries.length - 1) * ROW_GAP);
  return {
    height,
    legend: {
      top: 0,
      left: 0,
      padding: 0,
      orient: horizontal ? 'horizontal' : 'vertical',
      itemGap: horizontal ? ITEM_GAP : ROW_GAP,
      itemWidth: ICON_WIDTH,
      itemHeight: 10,
      selectedMode: false,
      textStyle: {
        color: theme.muted,
        fontFamily: theme.fontFamily,
        fontSize: FONT_SIZE,
        lineHeight: ROW_HEIGHT,
        ...(horizontal ? {} : { width: room, overflow: 'break' }),
      },
      data: entries.map((entry) => ({ name: entry.name, icon: entry.icon })),
    },
  };
}
