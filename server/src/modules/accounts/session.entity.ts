import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { User } from './user.entity';

/**
 * A server-side session. The cookie holds a random secret; only its SHA-256 is stored, so a leaked
 * table cannot be replayed. The API shows a person their own sessions by `id`, an opaque row key of its
 * own: never the secret, nor its hash (the key the server looks a cookie up by).
 */
@Entity({ tableName: 'session' })
// A person's list of sessions ("My account"), in its keyset order: the newest first.
@Index({ properties: ['user', 'createdAt', 'id'] })
@ObjectType('Session', { implements: Node, description: 'One of your signed-in sessions: a browser where you are signed in' })
export class Session implements Node {
  [OptionalProps]?: 'id' | 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'string', length: 64 })
  idHash!: string;

  @Property({ type: 'uuid', unique: true, defaultRaw: 'gen_random_uuid()' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: Rel<User>;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When you signed in' })
  createdAt: Date = new Date();

  /** Kept to the minute: one write per session a minute at most (session.repository.ts `touch`). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the session was last used, to the minute' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime', index: true })
  @Field(() => Date, { description: 'When the session ends by itself' })
  expiresAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  /** The browser and system it runs on (user-agent.ts `describeUserAgent`), never the whole User-Agent header. */
  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, name: 'device', description: 'The browser and its operating system, e.g. "Firefox · Windows"' })
  userAgent?: string | null;
}
