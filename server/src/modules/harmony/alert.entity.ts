import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity';
import { AlertKindEnum, AlertStatusEnum, type AlertStatus } from './harmony-enums';
import { MethodologyVersion } from './methodology-version.entity';

/**
 * A prompt or warning raised by a methodology's rule on an assessment: open → acknowledged → resolved
 * (with a note). Raised once per (version, region, period, kind, indicator): a recomputation does not
 * raise it again.
 */
@Entity({ tableName: 'alert' })
@Unique({ name: 'alert_once', properties: ['methodologyVersion', 'region', 'period', 'kind', 'indicatorCode'] })
@ObjectType({ implements: Node, description: 'A prompt or warning raised on an assessment' })
export class Alert implements Node {
  [OptionalProps]?: 'raisedAt' | 'status' | 'indicatorCode';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => MethodologyVersion, { deleteRule: 'restrict', index: true })
  methodologyVersion!: Rel<MethodologyVersion>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 10 })
  @Field(() => String)
  period!: string;

  @Enum({ items: () => harmony.ALERT_KINDS })
  @Field(() => AlertKindEnum)
  kind!: harmony.AlertKind;

  /** '' rather than null for alerts about the index, so that the uniqueness holds. */
  @Property({ type: 'string', length: 32, default: '' })
  indicatorCode: string = '';

  @Property({ type: 'jsonb' })
  @Field(() => GraphQLJSON, { description: 'The figures that raised it' })
  details!: Record<string, number | string | null>;

  @Enum({ items: () => harmony.ALERT_STATUSES, default: 'OPEN' })
  @Field(() => AlertStatusEnum)
  status: AlertStatus = 'OPEN';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  raisedAt: Date = new Date();

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  acknowledgedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  resolvedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  resolutionNote?: string | null;
}
