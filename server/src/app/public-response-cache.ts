/** One cached public answer: the body as sent, its content type and its entity tag. */
export interface CachedResponse {
  body: string;
  contentType: string;
  etag: string;
}

export interface PublicResponseCacheLimits {
  /** Answers kept at most (0: no cache). */
  maxEntries: number;
  /** Bytes of bodies kept at most. */
  maxBytes: number;
}

/**
 * Public answers of registered queries, kept under the publication epoch they were computed at. The
 * epoch is the database's (read by every request), not this process's: an answer is served only to a
 * request that read the same epoch, so a publication through any server process retires every answer
 * here at the next request. Least recently used answers go first past the limits; answers of an older
 * epoch are dropped as soon as a newer one is seen.
 */
export class PublicResponseCache {
  private epoch = -1n;
  private bytes = 0;
  private readonly entries = new Map<string, CachedResponse>();

  constructor(private readonly limits: PublicResponseCacheLimits) {}

  get(key: string, epoch: bigint): CachedResponse | undefined {
    this.advance(epoch);
    if (epoch !== this.epoch) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Keeps an answer computed after reading `epoch`. An answer computed while a publication committed
   * may already hold the new figures under the old epoch: harmless, since that epoch is never read again.
   */
  set(key: string, epoch: bigint, entry: CachedResponse): void {
    this.advance(epoch);
    if (epoch !== this.epoch || this.limits.maxEntries === 0 || entry.body.length > this.limits.maxBytes) return;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private advance(epoch: bigint): void {
    if (epoch <= this.epoch) return;
    this.epoch = epoch;
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}
