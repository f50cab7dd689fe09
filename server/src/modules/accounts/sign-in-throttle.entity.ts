import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Failed sign-ins per account name (known or not, so the throttle says nothing about existence). */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryKey({ type: 'string', length: 254 })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
