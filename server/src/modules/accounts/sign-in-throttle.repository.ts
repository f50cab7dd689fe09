import type { EntityManager } from '@mikro-orm/postgresql';

/** Where an account name stands with failed sign-ins. */
export interface ThrottleState {
  failures: number;
  locked: boolean;
  in_window: boolean;
}

/** Failed sign-ins counted per account name, in `sign_in_throttle` (plain SQL: one statement each). */
export class SignInThrottleRepository {
  constructor(private readonly em: EntityManager) {}

  async state(key: string, windowMinutes: number): Promise<ThrottleState | undefined> {
    const [throttle] = await this.em.getConnection().execute<ThrottleState[]>(
      `select failures, coalesce(locked_until > now(), false) as locked,
              window_started_at > now() - make_interval(mins => ?) as in_window
         from sign_in_throttle where key = ?`,
      [windowMinutes, key],
    );
    return throttle;
  }

  /** Counts a failure: a new window after `windowMinutes`, a lock of `lockMinutes` at `lockAfterFailures` in a window. */
  async recordFailure(
    key: string,
    { windowMinutes, lockAfterFailures, lockMinutes }: { windowMinutes: number; lockAfterFailures: number; lockMinutes: number },
  ): Promise<void> {
    // One statement, so that concurrent failures cannot lose a count.
    await this.em.getConnection().execute(
      `insert into sign_in_throttle as t (key, failures, window_started_at) values (?, 1, now())
       on conflict (key) do update set
         failures = case when t.window_started_at < now() - make_interval(mins => ?) then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < now() - make_interval(mins => ?) then now() else t.window_started_at end,
         locked_until = case when t.window_started_at >= now() - make_interval(mins => ?) and t.failures + 1 >= ?
                             then now() + make_interval(mins => ?) else t.locked_until end`,
      [key, windowMinutes, windowMinutes, windowMinutes, lockAfterFailures, lockMinutes],
    );
  }

  async clear(key: string): Promise<void> {
    await this.em.getConnection().execute('delete from sign_in_throttle where key = ?', [key]);
  }
}
