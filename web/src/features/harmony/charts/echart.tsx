import { useEffect, useRef } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts';

export interface EChartProps {
  option: ChartOption;
  /** In CSS pixels; the width follows the container. */
  height: number;
  /** The chart's title and what it shows, in words: the chart's accessible name (ECharts' aria label). */
  description: string;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * One ECharts instance drawn with the SVG renderer: created on mount, given the option whenever it
 * changes, resized with its container, disposed on unmount. Only the first drawing is animated (and not
 * at all for those who ask for reduced motion), so that a resize or new data does not replay it.
 */
export function EChart({ option, height, description }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const drawn = useRef(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    drawn.current = false;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(
      {
        animation: !drawn.current && !reducedMotion(),
        animationDuration: 400,
        ...option,
        aria: { enabled: true, label: { enabled: true, description } },
      },
      { notMerge: true },
    );
    drawn.current = true;
  }, [option, description]);

  return <div ref={ref} className="echart" style={{ height }} />;
}
