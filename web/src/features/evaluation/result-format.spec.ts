import { describe, expect, it } from 'vitest';
import { formatInterval, formatPercent, formatScore, intervalGeometry, turnoutShare } from './result-format';

describe('how results are written', () => {
  it('writes a score with one decimal in the reader’s locale, a dash without one', () => {
    expect(formatScore('en', 82.46)).toBe('82.5');
    expect(formatScore('zh-CN', 100)).toBe('100.0');
    expect(formatScore('en', null)).toBe('—');
    expect(formatScore('en', Number.NaN)).toBe('—');
  });

  it('writes the 95 % interval from its bounds, nothing without them', () => {
    expect(formatInterval('en', { mean: 82.5, low: 78.14, high: 86.86 })).toBe('78.1–86.9');
    expect(formatInterval('en', { mean: null, low: null, high: null })).toBeNull();
  });

  it('places the bar at the score and the whisker on the interval, inside the track', () => {
    expect(intervalGeometry({ mean: 82.5, low: 78, high: 87 })).toEqual({ bar: 82.5, low: 78, high: 87 });
    expect(intervalGeometry({ mean: 99, low: 95, high: 104 })).toEqual({ bar: 99, low: 95, high: 100 });
    expect(intervalGeometry({ mean: 75, low: null, high: null })).toEqual({ bar: 75, low: 75, high: 75 });
    expect(intervalGeometry({ mean: null, low: null, high: null })).toBeNull();
  });

  it('gives turnout as a share of the eligible citizens, none when nobody is eligible', () => {
    expect(turnoutShare(30, 120)).toBe(0.25);
    expect(turnoutShare(0, 0)).toBeNull();
    // Citizens who moved away after voting still count as ballots; the share never passes 100 %.
    expect(turnoutShare(5, 4)).toBe(1);
    expect(formatPercent('en', 0.25)).toBe('25.0%');
    expect(formatPercent('en', null)).toBe('—');
  });
});
