import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import type { harmony } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';

/**
 * A methodology, versioned and immutable: indicators, weights, normalization, aggregation, grade bands,
 * coverage threshold, alert rules. Editing creates a new version; exactly one is active. Every
 * assessment names the version it was computed under, so any figure can be reproduced.
 * The database refuses changes to a version's content (trigger); only `active` moves. One methodology
 * serves the whole platform, so only the root organization manages it (shared/src/permissions).
 */
@Entity({ tableName: 'methodology_version' })
@Index({
  name: 'methodology_version_one_active',
  expression: 'create unique index "methodology_version_one_active" on "methodology_version" ("active") where "active"',
})
@ObjectType({ implements: Node, description: 'A version of the harmony index methodology (immutable)' })
export class MethodologyVersion implements Node {
  [OptionalProps]?: 'createdAt' | 'active' | 'activatedAt' | 'createdBy' | 'description' | 'nameZh' | 'descriptionZh' | 'winsorise';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer', unique: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name in English' })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese (null: only the English one was given)' })
  nameZh?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What changed and why, in English' })
  description?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What changed and why, in Chinese' })
  descriptionZh?: string | null;

  /** The methodology as the shared maths takes it (shared/src/domain/harmony/assessment.ts). */
  @Property({ type: 'jsonb' })
  settings!: harmony.MethodologySettings;

  @Property({ type: 'jsonb' })
  alertRules!: harmony.AlertRule[];

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'Winsorise outliers (declared): values flagged by the skew/kurtosis check are clipped' })
  winsorise: boolean = false;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean)
  active: boolean = false;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  createdBy?: Rel<User> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  activatedAt?: Date | null;
}
