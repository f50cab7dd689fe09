import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Sign-in attempts counted per key (sign-in-throttle.repository.ts): an e-mail from an address (known
 * e-mail or not, so that the throttle says nothing about existence), an address, the whole platform,
 * registrations from an address.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryKey({ type: 'string', length: 320 })
  key!: string;

  /** Attempts reserved in the window and not given back by a success. */
  @Property({ type: 'integer' })
  failures!: number;

  /** When the window started (an address, the platform), or the last failure (an e-mail and address pair). */
  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  /** The next attempt of an e-mail from an address is refused before this time: the growing delay. */
  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;
}
