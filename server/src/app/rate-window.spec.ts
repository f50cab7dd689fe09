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

  it('costs the same to ask for a key with a minute of uses as for a new one, and stays exact as they leave', () => {
    let now = 0;
    const budget = new RateWindow(1_000_000, () => now);
    let taken = 0;
    for (let i = 0; i < 60_000; i++) {
      if (budget.take('busy', 2)) taken++;
      now += 1;
    }
    expect(taken).toBe(60_000);
    // 60,000 uses of 2 in the last 60 s; the one at t = 0 leaves at t = 60,000 (now).
    expect(budget.usage('busy')).toBe(119_998);
    now += 30_000;
    // Those after t = 30,000 are left; the oldest of them leaves at 90.001 s.
    expect(budget.usage('busy')).toBe(59_998);
    expect(budget.resetAtSeconds('busy')).toBe(91);
    const start = performance.now();
    for (let i = 0; i < 100_000; i++) budget.remaining('busy');
    expect(performance.now() - start).toBeLessThan(1_000);
    now += 30_000;
    expect(budget.usage('busy')).toBe(0);
    expect((budget as unknown as { used: Map<string, unknown> }).used.size).toBe(0);
  });

  it('keeps counting a use when the clock steps back', () => {
    let now = 100_000;
    const limiter = new RateWindow(2, () => now);
    expect(limiter.take('a')).toBe(true);
    now -= 5_000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    now = 100_000 + 59_999;
    expect(limiter.take('a')).toBe(false);
    now = 160_000;
    expect(limiter.take('a')).toBe(true);
  });
});
