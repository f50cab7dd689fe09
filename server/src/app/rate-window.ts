/**
 * How much each key (an API token, an IP address, a caller's query-cost budget) used in the last
 * `windowMs`, as the entries themselves (time and amount): a sliding window, exact at every instant.
 * Per process: several servers would share a store (e.g. PostgreSQL). Keys that have used nothing in
 * the window are dropped, so a flood of one-time keys (addresses) does not grow it without bound.
 */
export class RateWindow {
  private readonly used = new Map<string, { at: number; amount: number }[]>();
  private nextSweep = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
    readonly windowMs = 60_000,
  ) {}

  private recent(key: string, now: number): { at: number; amount: number }[] {
    const entries = (this.used.get(key) ?? []).filter((entry) => entry.at > now - this.windowMs);
    if (entries.length === 0) this.used.delete(key);
    else this.used.set(key, entries);
    return entries;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.windowMs;
    for (const key of [...this.used.keys()]) this.recent(key, now);
  }

  /** What the key has used in the window. */
  usage(key: string): number {
    return this.recent(key, this.now()).reduce((sum, entry) => sum + entry.amount, 0);
  }

  /** What the key may still use now. */
  remaining(key: string): number {
    return Math.max(0, this.limit - this.usage(key));
  }

  /** Uses `amount` if it fits in what is left; says whether it did. */
  take(key: string, amount = 1): boolean {
    const now = this.now();
    this.sweep(now);
    const entries = this.recent(key, now);
    const used = entries.reduce((sum, entry) => sum + entry.amount, 0);
    if (used + amount > this.limit) return false;
    entries.push({ at: now, amount });
    this.used.set(key, entries);
    return true;
  }

  /** Seconds until `amount` would fit again (at least 1 while it does not fit now). */
  retryAfterSeconds(key: string, amount = 1): number {
    const now = this.now();
    const entries = this.recent(key, now);
    let used = entries.reduce((sum, entry) => sum + entry.amount, 0);
    if (used + amount <= this.limit) return 0;
    for (const entry of entries) {
      used -= entry.amount;
      if (used + amount <= this.limit) return Math.max(1, Math.ceil((entry.at + this.windowMs - now) / 1000));
    }
    return Math.ceil(this.windowMs / 1000);
  }

  /** When the oldest use in the window leaves it (epoch seconds): when the remaining amount next grows. */
  resetAtSeconds(key: string): number {
    const now = this.now();
    const oldest = this.recent(key, now)[0];
    return Math.ceil(((oldest?.at ?? now) + this.windowMs) / 1000);
  }
}
