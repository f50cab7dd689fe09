import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The one place ECharts is imported at run time: only the charts, components and renderer the harmony
 * charts use, registered once. SVG, so that text stays crisp at any zoom and can be read in tests.
 * Only the lazily loaded chart wrapper imports this module; everything else imports its types.
 */
use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export { init };
export type { EChartsType } from 'echarts/core';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

type TooltipFormatter = Extract<NonNullable<TooltipComponentOption['formatter']>, (...args: never[]) => unknown>;
/** What a tooltip formatter is given: one item, or every series at the pointed category. */
export type TooltipParams = Parameters<TooltipFormatter>[0];

/** A custom series' drawing function, and the API it is given (coordinates, values). */
export type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;
export type RenderItemApi = Parameters<RenderItem>[1];
