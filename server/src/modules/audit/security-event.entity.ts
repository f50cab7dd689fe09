import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

export const SecurityEventKindEnum = asEnum(SECURITY_EVENT_KINDS);
registerEnumType(SecurityEventKindEnum, {
  name: 'SecurityEventKind',
  description:
    'Sign-in, sign-out, a failed or throttled attempt, a password change or a refused one, or a request refused for want of authentication or permission',
});

/**
 * One security event, as it happened. Append-only like the audit log (the runtime role may only insert
 * and read; a trigger refuses UPDATE, DELETE and TRUNCATE; the database sets `occurred_at`), and written
 * outside the request's transaction, so that a refused request that rolls back its work is still recorded.
 */
@Entity({ tableName: 'security_event' })
// The keyset order of the security log, newest first (read backwards).
@Index({ properties: ['occurredAt', 'id'] })
@Index({ properties: ['kind', 'occurredAt'] })
@ObjectType({
  implements: Node,
  description: 'A sign-in, sign-out, failed or throttled attempt, or refused request: who, from where, when',
})
export class SecurityEvent implements Node {
  [OptionalProps]?: 'occurredAt' | 'suppressedCount';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'datetime', length: 3, defaultRaw: 'clock_timestamp()' })
  @Field(() => Date)
  occurredAt: Date = new Date();

  @Enum({ items: () => SECURITY_EVENT_KINDS })
  @Field(() => SecurityEventKindEnum)
  kind!: SecurityEventKind;

  @Property({ type: 'string', length: 16 })
  @Field(() => String, { description: 'USER, API_TOKEN or ANONYMOUS' })
  actorKind!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The user or token, when known (a failed sign-in of an unknown e-mail has none)' })
  actorId?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'The e-mail signed in with or tried, or the token name' })
  actorLabel?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  @Index({
    name: 'security_event_region_path_prefix_index',
    expression: 'create index "security_event_region_path_prefix_index" on "security_event" ("region_path" text_pattern_ops)',
  })
  @Field(() => String, { nullable: true, description: "The actor's region; the root region when there is none" })
  regionPath?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why: the error reason of a refusal, or what was wrong with a sign-in' })
  reason?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  @Field(() => String, { nullable: true, description: 'The refused operation, e.g. Mutation.deactivateUser' })
  operation?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: "The client's address" })
  address?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  userAgent?: string | null;

  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'The request id the server gave the request (its X-Request-Id answer header)' })
  requestId!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The X-Request-Id the client sent, if any: kept as said, never trusted' })
  clientRequestId?: string | null;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, {
    description: 'Events of this kind from this address just before this one that were not written separately (flood bound)',
  })
  suppressedCount: number = 0;
}
