import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignInLimits } from '../../app/config';

/** Which limit refused an attempt. */
export type ThrottleLimit = 'EMAIL_FROM_ADDRESS' | 'ADDRESS' | 'PLATFORM';

/** An attempt either holds a reservation (it may check the password) or waits. */
export type Reservation = { granted: true } | { granted: false; limit: ThrottleLimit; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly refusal: Extract<Reservation, { granted: false }>) {
    super(refusal.limit);
  }
}

const PLATFORM_KEY = 'platform';
const addressKey = (address: string) => `address:${address}`;
const pairKey = (email: string, address: string) => `email-address:${address} ${email}`;
const registrationKey = (address: string) => `registration:${address}`;

/** Whole seconds until a time, at least 1. */
const secondsUntil = (time: Date | string) => Math.max(1, Math.ceil((new Date(time).getTime() - Date.now()) / 1000));

/**
 * Sign-in attempts, counted in `sign_in_throttle` BEFORE the password is checked: an attempt reserves a
 * failure on every key it is counted under, in one transaction whose upserts increment and return the
 * counts under row locks, so that concurrent attempts cannot overtake the limits; a success gives the
 * reservation back. Keys:
 * - an e-mail from an address: `freeFailures` failures, then each attempt waits a delay that doubles with
 *   every failure (up to `maxDelaySeconds`); forgotten after `windowMinutes` without a failure;
 * - an address, whatever the e-mails: `failuresPerAddress` in a window of `windowMinutes`;
 * - the platform: past `failuresPerMinute` failures in a minute, an address that already failed in its
 *   window gets no further attempt (a clean address still does).
 * Nothing locks an e-mail for every address: an attacker slows their own addresses, not the owner's.
 */
export class SignInThrottleRepository {
  constructor(private readonly em: EntityManager) {}

  async reserve(email: string, address: string, limits: SignInLimits): Promise<Reservation> {
    try {
      await this.em.transactional(async (em) => {
        const window = limits.windowMinutes;
        const [perAddress] = await em.execute<{ failures: number }[]>(
          `insert into sign_in_throttle as t (key, failures, window_started_at, next_attempt_at)
             values (?, 1, clock_timestamp(), clock_timestamp())
           on conflict (key) do update set
             failures = case when t.window_started_at <= clock_timestamp() - make_interval(mins => ?) then 1 else t.failures + 1 end,
             window_started_at = case when t.window_started_at <= clock_timestamp() - make_interval(mins => ?)
                                      then clock_timestamp() else t.window_started_at end
           where t.window_started_at <= clock_timestamp() - make_interval(mins => ?) or t.failures < ?
           returning failures`,
          [addressKey(address), window, window, window, limits.failuresPerAddress],
        );
        if (!perAddress) {
          const [row] = await em.execute<{ until: string }[]>(
            `select window_started_at + make_interval(mins => ?) as until from sign_in_throttle where key = ?`,
            [window, addressKey(address)],
          );
          throw new Refused({ granted: false, limit: 'ADDRESS', retryAfterSeconds: secondsUntil(row.until) });
        }
        const [platform] = await em.execute<{ failures: number; until: string }[]>(
          `insert into sign_in_throttle as t (key, failures, window_started_at, next_attempt_at)
             values (?, 1, clock_timestamp(), clock_timestamp())
           on conflict (key) do update set
             failures = case when t.window_started_at <= clock_timestamp() - interval '1 minute' then 1 else t.failures + 1 end,
             window_started_at = case when t.window_started_at <= clock_timestamp() - interval '1 minute'
                                      then clock_timestamp() else t.window_started_at end
           returning failures, window_started_at + interval '1 minute' as until`,
          [PLATFORM_KEY],
        );
        if (platform.failures > limits.failuresPerMinute && perAddress.failures > 1) {
          throw new Refused({ granted: false, limit: 'PLATFORM', retryAfterSeconds: secondsUntil(platform.until) });
        }
        // The delay after the n-th failure (n counted with this attempt): none below freeFailures, then
        // delayMs, 2 × delayMs, 4 × … up to maxDelaySeconds.
        const failures = `case when t.window_started_at <= clock_timestamp() - make_interval(mins => ?) then 1 else t.failures + 1 end`;
        const [pair] = await em.execute<{ failures: number }[]>(
          `insert into sign_in_throttle as t (key, failures, window_started_at, next_attempt_at)
             values (?, 1, clock_timestamp(), clock_timestamp() + case when 1 >= ?
               then make_interval(secs => least(? / 1000.0 * power(2, 1 - ?), ?)) else interval '0' end)
           on conflict (key) do update set
             failures = ${failures},
             window_started_at = clock_timestamp(),
             next_attempt_at = clock_timestamp() + case when ${failures} >= ?
               then make_interval(secs => least(? / 1000.0 * power(2, ${failures} - ?), ?)) else interval '0' end
           where t.window_started_at <= clock_timestamp() - make_interval(mins => ?) or t.next_attempt_at <= clock_timestamp()
           returning failures`,
          [
            pairKey(email, address),
            limits.freeFailures,
            limits.delayMs,
            limits.freeFailures,
            limits.maxDelaySeconds,
            window,
            window,
            limits.freeFailures,
            limits.delayMs,
            window,
            limits.freeFailures,
            limits.maxDelaySeconds,
            window,
          ],
        );
        if (!pair) {
          const [row] = await em.execute<{ until: string }[]>(`select next_attempt_at as until from sign_in_throttle where key = ?`, [
            pairKey(email, address),
          ]);
          throw new Refused({ granted: false, limit: 'EMAIL_FROM_ADDRESS', retryAfterSeconds: secondsUntil(row.until) });
        }
      });
      return { granted: true };
    } catch (error) {
      // The transaction is rolled back: a refused attempt reserves nothing.
      if (error instanceof Refused) return error.refusal;
      throw error;
    }
  }

  /** The right password: the e-mail's failures from this address are forgotten, and the attempt is given back. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.em.execute(
      `with forgotten as (delete from sign_in_throttle where key = ?)
       update sign_in_throttle set failures = greatest(failures - 1, 0) where key in (?, ?)`,
      [pairKey(email, address), addressKey(address), PLATFORM_KEY],
    );
  }

  /** Forgets keys whose window and wait are over: the table holds only what still limits someone. */
  async prune(windowMinutes: number): Promise<void> {
    await this.em.execute(
      `delete from sign_in_throttle
        where window_started_at < clock_timestamp() - make_interval(mins => greatest(?, 60))
          and next_attempt_at < clock_timestamp()`,
      [windowMinutes],
    );
  }

  /** Reserves one registration of the address in its hour, if it has any left (one statement). */
  async reserveRegistration(address: string, perHour: number): Promise<Reservation> {
    const key = registrationKey(address);
    const [granted] = await this.em.execute<{ failures: number }[]>(
      `insert into sign_in_throttle as t (key, failures, window_started_at, next_attempt_at)
         values (?, 1, clock_timestamp(), clock_timestamp())
       on conflict (key) do update set
         failures = case when t.window_started_at <= clock_timestamp() - interval '1 hour' then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at <= clock_timestamp() - interval '1 hour' then clock_timestamp() else t.window_started_at end
       where t.window_started_at <= clock_timestamp() - interval '1 hour' or t.failures < ?
       returning failures`,
      [key, perHour],
    );
    if (granted) return { granted: true };
    const [row] = await this.em.execute<{ until: string }[]>(
      `select window_started_at + interval '1 hour' as until from sign_in_throttle where key = ?`,
      [key],
    );
    return { granted: false, limit: 'ADDRESS', retryAfterSeconds: secondsUntil(row.until) };
  }
}
