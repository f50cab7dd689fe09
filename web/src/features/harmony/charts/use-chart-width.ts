import { useEffect, useRef, useState } from 'react';

/**
 * The width in CSS pixels that a chart is drawn at, followed as the layout changes. Charts use it as
 * their viewBox width, so that one unit is one pixel: labels keep their size on a phone instead of
 * shrinking with a scaled-down drawing.
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
