import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

/**
 * One change, as it happened. Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this
 * table (trigger), so not even the application's own connection can rewrite history. No foreign keys:
 * an entry outlives whatever it describes.
 */
@Entity({ tableName: 'audit_entry' })
// The keyset orders of the audit log (common/keyset.ts): newest first (read backwards), and by action.
@Index({ properties: ['occurredAt', 'id'] })
@Index({
  name: 'audit_entry_action_occurred_at_id_index',
  expression: 'create index "audit_entry_action_occurred_at_id_index" on "audit_entry" ("action", "occurred_at" desc, "id" desc)',
})
@Index({ properties: ['subjectType', 'subjectId'] })
@ObjectType({ implements: Node, description: 'A recorded change: who, which role, what, before and after, when, from which request' })
export class AuditEntry implements Node {
  [OptionalProps]?: 'occurredAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  // Milliseconds, as a JavaScript Date holds them: a cursor carries the exact value it pages from.
  @Property({ type: 'datetime', length: 3, defaultRaw: 'clock_timestamp()' })
  @Field(() => Date)
  occurredAt: Date = new Date();

  @Property({ type: 'string', length: 16 })
  @Field(() => String, { description: 'USER, API_TOKEN, ANONYMOUS or SYSTEM' })
  actorKind!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "The actor's name (e-mail or token name) at the time" })
  actorLabel?: string | null;

  @Property({ type: 'string', length: 16, nullable: true })
  @Field(() => String, { nullable: true })
  actorRole?: string | null;

  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'What happened, e.g. user.create' })
  action!: string;

  @Property({ type: 'string', length: 64 })
  @Field(() => String)
  subjectType!: string;

  @Property({ type: 'string', length: 64 })
  @Field(() => String)
  subjectId!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  @Index({
    name: 'audit_entry_region_path_prefix_index',
    expression: 'create index "audit_entry_region_path_prefix_index" on "audit_entry" ("region_path" text_pattern_ops)',
  })
  @Field(() => String, { nullable: true, description: 'Path of the region the subject belongs to' })
  regionPath?: string | null;

  @Property({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true })
  before?: unknown;

  @Property({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true })
  after?: unknown;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The request id the server gave the request (its X-Request-Id answer header)' })
  requestId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The X-Request-Id the client sent, if any: kept as said, never trusted' })
  clientRequestId?: string | null;
}
