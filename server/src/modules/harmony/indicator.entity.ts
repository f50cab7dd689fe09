import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { IndicatorDirectionEnum, RateBasisEnum } from './harmony-enums';

/** An indicator of the harmony index: what is measured, in which unit, which way is better. */
@Entity({ tableName: 'indicator' })
@ObjectType({ implements: Node, description: 'An indicator of the harmony index' })
export class Indicator implements Node {
  [OptionalProps]?: 'createdAt' | 'builtIn' | 'redLine';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 32, unique: true })
  @Field(() => String)
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  nameEn!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  nameZh!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String)
  unitEn!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String)
  unitZh!: string;

  @Enum({ items: () => harmony.INDICATOR_DIRECTIONS })
  @Field(() => IndicatorDirectionEnum)
  direction!: harmony.IndicatorDirection;

  @Enum({ items: () => harmony.RATE_BASES })
  @Field(() => RateBasisEnum, { description: 'How a raw count becomes the value, with the population or households of the period' })
  rateBasis!: harmony.RateBasis;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Default lower goalpost, in the unit' })
  goalpostLower!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Default upper goalpost, in the unit' })
  goalpostUpper!: number;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Default red line: past it, an alert is raised' })
  redLine?: number | null;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'One of the seven default indicators' })
  builtIn: boolean = false;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
