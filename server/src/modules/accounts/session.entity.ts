import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * A server-side session. The cookie holds a random secret; only its SHA-256 is stored, so a leaked
 * table cannot be replayed. Nothing of it is exposed through the API.
 */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'string', length: 64 })
  idHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: Rel<User>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime', index: true })
  expiresAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;
}
