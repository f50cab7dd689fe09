import { describe, expect, it } from 'vitest';
import { PublicResponseCache } from './public-response-cache';

const answer = (body: string) => ({ body, contentType: 'application/json', etag: `"${body}"` });

describe('the public response cache', () => {
  it('serves an answer only under the epoch it was computed at, and drops older epochs when a newer is seen', () => {
    const cache = new PublicResponseCache({ maxEntries: 10, maxBytes: 1000 });
    cache.set('a', 1n, answer('one'));
    expect(cache.get('a', 1n)?.body).toBe('one');
    expect(cache.get('a', 2n)).toBeUndefined();
    expect(cache.size).toBe(0);
    // A request that read the older epoch before the publication: neither served nor kept.
    cache.set('a', 1n, answer('stale'));
    expect(cache.get('a', 1n)).toBeUndefined();
    expect(cache.get('a', 2n)).toBeUndefined();
  });

  it('evicts the least recently used past its entry and byte limits, and keeps nothing larger than the bytes', () => {
    const cache = new PublicResponseCache({ maxEntries: 2, maxBytes: 10 });
    cache.set('a', 1n, answer('aaa'));
    cache.set('b', 1n, answer('bbb'));
    expect(cache.get('a', 1n)?.body).toBe('aaa'); // a is now the most recent
    cache.set('c', 1n, answer('ccc'));
    expect(cache.get('b', 1n)).toBeUndefined();
    expect(cache.get('a', 1n)?.body).toBe('aaa');
    cache.set('d', 1n, answer('dddddddd')); // 3 + 8 bytes > 10: the oldest goes
    expect(cache.size).toBe(1);
    expect(cache.get('d', 1n)?.body).toBe('dddddddd');
    cache.set('e', 1n, answer('e'.repeat(11)));
    expect(cache.get('e', 1n)).toBeUndefined();
  });

  it('keeps nothing when it has no room', () => {
    const cache = new PublicResponseCache({ maxEntries: 0, maxBytes: 1000 });
    cache.set('a', 1n, answer('one'));
    expect(cache.get('a', 1n)).toBeUndefined();
  });
});
