import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { cadres } from '@massline/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { Cadre } from './cadre.entity';
import { TermEndReasonEnum } from './cadres-enums';
import { Post } from './post.entity';

/**
 * A term: a cadre holds a post from `startsOn` up to (not including) `endsOn`, the planned end, unless
 * it ends early (`endedOn`, with its reason). A post has one holder at a time: createTerm locks the post
 * and checks shared's tenure rules. A power grant (mechanism 3) will create terms; `grantId` will name it.
 */
@Entity({ tableName: 'term' })
// The keyset order of the term list by default: the latest start first (read backwards).
@Index({ properties: ['startsOn', 'id'] })
@Index({ properties: ['post', 'startsOn'] })
@Index({ properties: ['cadre', 'startsOn'] })
@Check({ name: 'term_dates_in_order', expression: 'ends_on > starts_on' })
@Check({ name: 'term_ends_after_it_starts', expression: 'ended_on is null or (ended_on > starts_on and ended_on <= ends_on)' })
@Check({ name: 'term_end_has_reason', expression: '(ended_on is null) = (end_reason is null)' })
@ObjectType({ implements: Node, description: 'A term: a cadre holding a post from a date to a planned end, or until it ended early' })
export class Term implements Node {
  [OptionalProps]?: 'createdAt' | 'endedOn' | 'endReason' | 'grantId';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Cadre, { deleteRule: 'restrict' })
  cadre!: Rel<Cadre>;

  @ManyToOne(() => Post, { deleteRule: 'restrict' })
  post!: Rel<Post>;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'The first day of the term (YYYY-MM-DD)' })
  startsOn!: string;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'The planned end (YYYY-MM-DD): the term covers the days before it' })
  endsOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'The day the term ended (YYYY-MM-DD), once it has ended' })
  endedOn: string | null = null;

  @Enum({ items: () => cadres.TERM_END_REASONS, nullable: true })
  @Field(() => TermEndReasonEnum, { nullable: true, description: 'Why the term ended, once it has ended' })
  endReason: cadres.TermEndReason | null = null;

  /** The power grant that created the term (mechanism 3 fills it; no foreign key until grants exist). */
  @Property({ type: 'uuid', nullable: true })
  grantId: string | null = null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the term was recorded' })
  createdAt: Date = new Date();
}
