import { describe, expect, it } from 'vitest';
import { numberOrNaN, parseNumber } from './parse-number';

describe('parseNumber', () => {
  it('reads finite numbers, trimmed, and nothing else', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('12abc')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
    expect(numberOrNaN('x')).toBeNaN();
    expect(numberOrNaN('0')).toBe(0);
  });
});
