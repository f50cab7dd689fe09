/** The little arithmetic the hand-written SVG charts share: linear scales and readable ticks. */

export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  scale.domain = domain;
  return scale;
}

/** About `count` round ticks (steps of 1, 2 or 5 × 10ⁿ) covering the domain. */
export function niceTicks(domain: readonly [number, number], count = 5): number[] {
  const [lo, hi] = domain;
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let tick = Math.ceil(lo / step) * step; tick <= hi + step * 1e-9; tick += step) ticks.push(Math.round(tick * 1e9) / 1e9);
  return ticks;
}

/** A domain on 0–100 around the values, padded and rounded to fives, so that small changes show. */
export function indexDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 100];
  const lo = Math.max(0, Math.floor((Math.min(...values) - 5) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + 5) / 5) * 5);
  return hi - lo < 10 ? [Math.max(0, hi - 10), Math.max(10, hi)] : [lo, hi];
}

/** Which of `count` labels to print so that about `room` fit: counted back from the last one (the latest period). */
export function labelsToShow(count: number, room: number): Set<number> {
  const shown = new Set<number>();
  const every = Math.max(1, Math.ceil(count / room));
  for (let i = count - 1; i >= 0; i -= every) shown.add(i);
  return shown;
}
