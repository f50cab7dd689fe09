/**
 * The charts' colours and type, read once from the style sheet's custom properties (so that the charts
 * and the page agree), with the same values as fallbacks.
 */
export interface ChartTheme {
  fontFamily: string;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  border: string;
  line: string;
  score: string;
  scorePast: string;
  track: string;
  contribution: string;
  redLine: string;
  interval: string;
  nominal: string;
}

let theme: ChartTheme | null = null;

export function chartTheme(): ChartTheme {
  if (theme) return theme;
  const root = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  theme = {
    fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
    text: read('--color-text', '#1d2430'),
    muted: read('--color-muted', '#5b6575'),
    grid: read('--chart-grid', '#e3e7ee'),
    surface: read('--color-surface', '#ffffff'),
    border: read('--color-border', '#d6dbe3'),
    line: read('--chart-line', '#1a5fb4'),
    score: read('--chart-score', '#3b78c3'),
    scorePast: read('--chart-score-past', '#d98c86'),
    track: read('--chart-track', '#eef1f5'),
    contribution: read('--chart-contribution', '#8fb3df'),
    redLine: read('--chart-red-line', '#b3261e'),
    interval: read('--chart-interval', '#9bb5d6'),
    nominal: read('--color-primary', '#b3261e'),
  };
  return theme;
}
