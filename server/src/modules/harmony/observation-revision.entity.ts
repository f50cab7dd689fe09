import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ObservationMethodEnum, type ObservationMethod } from './harmony-enums';
import { Observation } from './observation.entity';

/** A value an observation had before a correction replaced it. Append-only (database trigger). */
@Entity({ tableName: 'observation_revision' })
@Unique({ name: 'observation_revision_observation_id_revision_unique', properties: ['observation', 'revision'] })
@ObjectType({ description: 'An earlier value of an observation, kept when it was corrected' })
export class ObservationRevision {
  [OptionalProps]?: 'replacedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Observation, { deleteRule: 'cascade', index: true })
  observation!: Rel<Observation>;

  @Property({ type: 'integer' })
  @Field(() => Int)
  revision!: number;

  @Property({ type: 'double' })
  @Field(() => Float)
  value!: number;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true })
  rawCount?: number | null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true })
  rawTotal?: number | null;

  @Enum({ items: () => harmony.OBSERVATION_METHODS })
  @Field(() => ObservationMethodEnum)
  method!: ObservationMethod;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who had entered this value' })
  enteredByLabel?: string | null;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  enteredAt!: Date;

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who replaced it' })
  replacedByLabel?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  replacedAt: Date = new Date();
}
