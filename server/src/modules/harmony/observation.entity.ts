import { randomUUID } from 'node:crypto';
import { Entity, Index, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { Region } from '../regions/region.entity';
import { ObservationMethodEnum, type ObservationMethod } from './harmony-enums';
import { Indicator } from './indicator.entity';

/**
 * The current value of one indicator for one region and period. A correction replaces the value and
 * keeps the old one in ObservationRevision, with who changed it and when.
 */
@Entity({ tableName: 'observation' })
// The keyset order by entry time (the default order, by period, starts from the period's own index).
@Index({ properties: ['enteredAt', 'id'] })
@Unique({ properties: ['region', 'period', 'indicator'] })
@ObjectType({ implements: Node, description: 'The current value of an indicator for a region and period' })
export class Observation implements Node {
  [OptionalProps]?: 'enteredAt' | 'revision' | 'rawCount' | 'rawTotal' | 'source' | 'enteredBy';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 10, index: true })
  @Field(() => String)
  period!: string;

  @ManyToOne(() => Indicator, { deleteRule: 'restrict', index: true })
  indicator!: Rel<Indicator>;

  @Property({ type: 'double' })
  @Field(() => Float, { description: "The value in the indicator's unit (a rate, when entered as a count)" })
  value!: number;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'The raw count the value was computed from' })
  rawCount?: number | null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'For percentages: the total the count is out of' })
  rawTotal?: number | null;

  @Enum({ items: () => harmony.OBSERVATION_METHODS })
  @Field(() => ObservationMethodEnum)
  method!: ObservationMethod;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict', index: true })
  enteredBy?: Rel<User> | null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  enteredAt: Date = new Date();

  @Property({ type: 'integer', default: 1 })
  @Field(() => Int, { description: '1 for the first value; each correction adds one' })
  revision: number = 1;
}
