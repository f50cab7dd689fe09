import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('allows N requests in any 60 s, then refuses until the oldest leaves the window', () => {
    let now = 1_000_000;
    const limiter = new RateWindow(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(60);
    now += 59_999;
    expect(limiter.take('a')).toBe(false);
    now += 1;
    expect(limiter.take('a')).toBe(true);
  });

  it('counts amounts (a budget of query cost), and says what is left and when it grows', () => {
    let now = 0;
    const budget = new RateWindow(10_000, () => now);
    expect(budget.take('u', 6_000)).toBe(true);
    now += 30_000;
    expect(budget.take('u', 3_000)).toBe(true);
    expect(budget.remaining('u')).toBe(1_000);
    expect(budget.take('u', 2_000)).toBe(false);
    expect(budget.remaining('u')).toBe(1_000);
    // 2,000 fits once the 6,000 leave the window, 30 s from now.
    expect(budget.retryAfterSeconds('u', 2_000)).toBe(30);
    expect(budget.resetAtSeconds('u')).toBe(60);
    now += 30_000;
    expect(budget.take('u', 2_000)).toBe(true);
  });

  it('forgets keys that used nothing in the window', () => {
    let now = 0;
    const limiter = new RateWindow(5, () => now);
    for (let i = 0; i < 1_000; i++) limiter.take(`ip-${i}`);
    now += 61_000;
    limiter.take('late');
    expect((limiter as unknown as { used: Map<string, unknown> }).used.size).toBe(1);
  });
});
