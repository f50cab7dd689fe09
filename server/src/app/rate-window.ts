/** One key's uses in the window, oldest first from `head`, and their sum. */
interface Uses {
  entries: { at: number; amount: number }[];
  head: number;
  sum: number;
}

/**
 * How much each key (an API token, an IP address, a caller's query-cost budget) used in the last
 * `windowMs`, as the entries themselves (time and amount): a sliding window, exact at every instant.
 * Per process: several servers would share a store (e.g. PostgreSQL). Keys that have used nothing in
 * the window are dropped, so a flood of one-time keys (addresses) does not grow it without bound.
 *
 * Each request asks several times (take, remaining, reset): the uses are a queue with its running sum,
 * expired from the oldest end, so that asking costs the same for a key with thousands of uses in the
 * window as for one with a single use (filtering every entry on each call cost a busy address, or the
 * anonymous public's budget, a scan of a minute's requests per call).
 */
export class RateWindow {
  private readonly used = new Map<string, Uses>();
  private nextSweep = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
    readonly windowMs = 60_000,
  ) {}

  /** The key's uses still in the window (entries are appended in time order: the oldest leave first). */
  private recent(key: string, now: number): Uses | undefined {
    const uses = this.used.get(key);
    if (!uses) return undefined;
    const { entries } = uses;
    while (uses.head < entries.length && entries[uses.head].at <= now - this.windowMs) {
      uses.sum -= entries[uses.head].amount;
      uses.head++;
    }
    if (uses.head === entries.length) {
      this.used.delete(key);
      return undefined;
    }
    // Left behind entries are dropped once they are half the array: amortised constant time.
    if (uses.head * 2 >= entries.length) {
      uses.entries = entries.slice(uses.head);
      uses.head = 0;
    }
    return uses;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.windowMs;
    for (const key of [...this.used.keys()]) this.recent(key, now);
  }

  /** What the key has used in the window. */
  usage(key: string): number {
    return this.recent(key, this.now())?.sum ?? 0;
  }

  /** What the key may still use now. */
  remaining(key: string): number {
    return Math.max(0, this.limit - this.usage(key));
  }

  /** Uses `amount` if it fits in what is left; says whether it did. */
  take(key: string, amount = 1): boolean {
    const now = this.now();
    this.sweep(now);
    const uses = this.recent(key, now);
    if ((uses?.sum ?? 0) + amount > this.limit) return false;
    // A clock that stepped back still appends in order: the entry counts from the latest time seen.
    const at = uses ? Math.max(now, uses.entries[uses.entries.length - 1].at) : now;
    if (uses) {
      uses.entries.push({ at, amount });
      uses.sum += amount;
    } else this.used.set(key, { entries: [{ at, amount }], head: 0, sum: amount });
    return true;
  }

  /** Seconds until `amount` would fit again (at least 1 while it does not fit now). */
  retryAfterSeconds(key: string, amount = 1): number {
    const now = this.now();
    const uses = this.recent(key, now);
    let used = uses?.sum ?? 0;
    if (!uses || used + amount <= this.limit) return 0;
    for (let i = uses.head; i < uses.entries.length; i++) {
      const entry = uses.entries[i];
      used -= entry.amount;
      if (used + amount <= this.limit) return Math.max(1, Math.ceil((entry.at + this.windowMs - now) / 1000));
    }
    return Math.ceil(this.windowMs / 1000);
  }

  /** When the oldest use in the window leaves it (epoch seconds): when the remaining amount next grows. */
  resetAtSeconds(key: string): number {
    const now = this.now();
    const uses = this.recent(key, now);
    const oldest = uses?.entries[uses.head];
    return Math.ceil(((oldest?.at ?? now) + this.windowMs) / 1000);
  }
}
