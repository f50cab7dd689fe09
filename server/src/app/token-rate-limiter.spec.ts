import { describe, expect, it } from 'vitest';
import { TokenRateLimiter } from './token-rate-limiter';

describe('TokenRateLimiter', () => {
  it('allows N requests in any 60 s, then refuses until the oldest leaves the window', () => {
    let now = 1_000_000;
    const limiter = new TokenRateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(60);
    now += 59_999;
    expect(limiter.take('a')).toBe(false);
    now += 1;
    expect(limiter.take('a')).toBe(true);
  });
});
