import { describe, expect, it } from 'vitest';
import { numberOrNaN } from './parse-number';

describe('numberOrNaN', () => {
  it('reads decimals, trimmed, and turns anything else into NaN', () => {
    expect(numberOrNaN(' 12.5 ')).toBe(12.5);
    expect(numberOrNaN('-3')).toBe(-3);
    expect(numberOrNaN('0')).toBe(0);
    for (const text of ['', '  ', '12abc', 'Infinity', '0x1F', '1e400']) expect(numberOrNaN(text), text).toBeNaN();
  });
});
