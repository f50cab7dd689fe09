import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Region } from './region.entity';

/** Population and households of a region for one period: the denominators of per-capita indicators. */
@Entity({ tableName: 'region_statistics' })
@Unique({ properties: ['region', 'period'] })
@Check({ name: 'region_statistics_positive', expression: 'population > 0 and households > 0' })
@ObjectType({ description: "A region's population and households in one period" })
export class RegionStatistics {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Region, { deleteRule: 'cascade' })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 10 })
  @Field(() => String)
  period!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  population!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  households!: number;
}
