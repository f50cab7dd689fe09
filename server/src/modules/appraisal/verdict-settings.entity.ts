import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import type { evaluation } from '@massline/shared';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { User } from '../accounts/user.entity';

/**
 * A version of the verdict thresholds (weights, grade bands, the tendency flags' thresholds, the audit
 * formula's full penalties), immutable like a methodology version; exactly one is in force. Every
 * verdict names the version it was reached with. Version 1 is DEFAULT_VERDICT_SETTINGS, written by the
 * migration.
 */
@Entity({ tableName: 'verdict_settings' })
@Index({
  name: 'verdict_settings_one_active',
  expression: 'create unique index "verdict_settings_one_active" on "verdict_settings" ("active") where "active"',
})
@ObjectType({ implements: Node, description: 'A version of the thresholds a verdict is reached with (immutable; one is in force)' })
export class VerdictSettings implements Node {
  [OptionalProps]?: 'createdAt' | 'active' | 'activatedAt' | 'createdBy' | 'note';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer', unique: true })
  @Field(() => Int, { description: 'The version number, from 1' })
  version!: number;

  /** The thresholds as shared's verdict maths takes them, without the version. */
  @Property({ type: 'jsonb' })
  @Field(() => GraphQLJSON, {
    description: 'The thresholds: weights, bands, flag thresholds and the audit formula (see VerdictSettings in shared)',
  })
  settings!: Omit<evaluation.VerdictSettings, 'version'>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What changed and why' })
  note?: string | null;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'In force: new verdicts are reached with it' })
  active: boolean = false;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  createdBy?: Rel<User> | null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When it was written' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was put in force' })
  activatedAt?: Date | null;
}
