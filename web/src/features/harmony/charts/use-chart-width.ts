import { useEffect, useRef, useState } from 'react';

/**
 * The width in CSS pixels a chart has, followed as the layout changes. The charts lay themselves out
 * from it (how many period labels, a one-line or stacked legend, how wide the row labels), before
 * ECharts has even loaded.
 */
export function useChartWidth<Element extends HTMLElement>(fallback: number, minimum = 280) {
  const ref = useRef<Element>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.max(minimum, Math.round(element.clientWidth)) || fallback);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback, minimum]);
  return { ref, width };
}
