import { describe, expect, it } from 'vitest';
import { evaluation } from '@massline/shared';
import { newReceiptCode, receiptHashOf } from './receipt-code';

describe('receipt codes', () => {
  it('are 20 symbols of the receipt alphabet, read back by normalizeReceiptCode, and never repeat across refills of the pool', () => {
    // 1,000 codes: the pool of 64 codes' bytes is refilled 15 times on the way.
    const codes = Array.from({ length: 1000 }, () => newReceiptCode());
    for (const code of codes) {
      expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{20}$/);
      expect(evaluation.normalizeReceiptCode(evaluation.formatReceiptCode(code))).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every symbol of the alphabet about equally (5 random bits each)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const symbol of newReceiptCode()) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    // 40,000 symbols over 32: 1,250 each on average; a stuck or biased bit would leave some at 0 or double.
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(count).toBeGreaterThan(1000);
    for (const count of counts.values()) expect(count).toBeLessThan(1500);
  });

  it('are stored as the SHA-256 of the code', () => {
    expect(receiptHashOf('0123456789ABCDEFGHJK').toString('hex')).toBe('a6b239e79989fa88083024f6fa3518b4f917667d90dc8408053fcf0cfc8cfb8a');
  });
});
