import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeRich, wrappedLineCount } from './chart-text';
import { indexScale } from './line-chart-option';

describe('indexScale', () => {
  it('pads the values by five points within 0–100 and ends on round steps', () => {
    // 67.1–79.8 in about five steps: 2.54 rounds up to 5.
    expect(indexScale([72.1, 74.8])).toEqual({ min: 65, max: 80, interval: 5 });
    expect(indexScale([3, 98])).toEqual({ min: 0, max: 100, interval: 20 });
    const scale = indexScale([61.3, 62.2, 88.9]);
    expect(scale.min).toBeLessThanOrEqual(56.3);
    expect(scale.max).toBeGreaterThanOrEqual(93.9);
    expect(scale.min % scale.interval).toBe(0);
    expect(scale.max % scale.interval).toBe(0);
  });

  it('shows the whole range when there is nothing to show', () => {
    expect(indexScale([])).toEqual({ min: 0, max: 100, interval: 20 });
  });
});

describe('chart text', () => {
  it('escapes data put into HTML tooltips and rich-text labels', () => {
    expect(escapeHtml(`<b>"A" & 'B'</b>`)).toBe('&#60;b&#62;&#34;A&#34; &#38; &#39;B&#39;&#60;/b&#62;');
    expect(escapeRich('{bold|x}')).toBe('｛bold|x｝');
  });
});

describe('wrappedLineCount', () => {
  it('keeps a short name on one line', () => {
    expect(wrappedLineCount('Gini', 200, 13)).toBe(1);
  });

  it('wraps a long name at spaces, generously: never fewer lines than a browser draws', () => {
    const name = 'Gini coefficient of household income';
    // About 250 px at 13 px: two lines in 150 px, three in 90 px.
    expect(wrappedLineCount(name, 1000, 13)).toBe(1);
    expect(wrappedLineCount(name, 150, 13)).toBe(2);
    expect(wrappedLineCount(name, 90, 13)).toBeGreaterThanOrEqual(3);
  });

  it('wraps Chinese between any two characters', () => {
    expect(wrappedLineCount('居民家庭收入基尼系数', 13 * 5, 13)).toBe(2);
    expect(wrappedLineCount('居民家庭收入基尼系数', 13 * 10, 13)).toBe(1);
  });

  it('cuts a word longer than a line over several', () => {
    expect(wrappedLineCount('x'.repeat(40), 100, 10)).toBe(3);
  });
});
