import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { User } from '../accounts/user.entity';
import { Term } from '../cadres/term.entity';
import { Region } from '../regions/region.entity';

/**
 * An organizational inspection of a cadre's term: a score on 0–100, its findings, who inspected and
 * when, and the growth the cadre reported, if the inspection recorded one. Append-only: a later
 * inspection of the same term supersedes an earlier one in the verdict; both stay on record.
 */
@Entity({ tableName: 'inspection' })
// The keyset order of a term's inspections and the verdict's "latest inspection": newest first.
@Index({ properties: ['term', 'inspectedOn', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
// As PostgreSQL writes it back (with its casts), so that the schema generator finds nothing to change.
@Check({ name: 'inspection_score_range', expression: 'score >= (0)::double precision and score <= (100)::double precision' })
@ObjectType({ implements: Node, description: "An organizational inspection of a cadre's term: a score on 0–100 and its findings" })
export class Inspection implements Node {
  [OptionalProps]?: 'createdAt' | 'reportedGrowth';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Term, { deleteRule: 'restrict' })
  term!: Rel<Term>;

  /** The region of the term's post when recorded: the jurisdiction the record belongs to. */
  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The inspection score, 0–100' })
  score!: number;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'What the inspection found' })
  findings!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Who inspected (the team or its head), as on the report' })
  inspector!: string;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'The day of the inspection (ISO date)' })
  inspectedOn!: string;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Economic growth over the term that the cadre reported (%), if recorded' })
  reportedGrowth?: number | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: Rel<User>;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When it was recorded' })
  createdAt: Date = new Date();
}
