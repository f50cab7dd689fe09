/**
 * Requests per API token per minute, counted in a sliding window of the last 60 seconds (kept as
 * timestamps). Per process: enough for one server; several would share a store (e.g. PostgreSQL).
 */
export class TokenRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  retryAfterSeconds(key: string): number {
    const oldest = this.hits.get(key)?.[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + 60_000 - this.now()) / 1000));
  }
}
