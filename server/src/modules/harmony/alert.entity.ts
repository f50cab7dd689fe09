import { randomUUID } from 'node:crypto';
import { Entity, Index, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity';
import { AlertKindEnum, AlertStatusEnum, type AlertStatus } from './harmony-enums';
import { MethodologyVersion } from './methodology-version.entity';

/** One quarter of an alert's run: the period and the figure the rule looked at (alertValue). */
export interface AlertPeriodValue {
  period: string;
  value: number | null;
}

/**
 * A prompt or warning raised by a methodology's rule for a region: open → acknowledged → resolved (with
 * a note). One alert per region and rule until it is resolved: a breach that persists quarter after
 * quarter updates it (its latest period, its history of values), it is not raised again as new; after
 * resolution a new breach raises a new alert. A period already covered is never raised again.
 */
@Entity({ tableName: 'alert' })
// The keyset order of the alert list by default: the newest first (read backwards).
@Index({ properties: ['raisedAt', 'period', 'id'] })
@Unique({
  name: 'alert_unresolved_once',
  expression: `create unique index "alert_unresolved_once" on "alert" ("methodology_version_id", "region_id", "kind", "indicator_code") where "status" <> 'RESOLVED'`,
})
@ObjectType({ implements: Node, description: 'A prompt or warning: one per region and rule, from its first breach until it is resolved' })
export class Alert implements Node {
  [OptionalProps]?: 'raisedAt' | 'status' | 'indicatorCode' | 'history';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => MethodologyVersion, { deleteRule: 'restrict', index: true })
  methodologyVersion!: Rel<MethodologyVersion>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 10 })
  @Field(() => String, { description: 'The latest period that breached the rule' })
  period!: string;

  /** The first period of the run (null on rows written before runs existed: then `period`). */
  @Property({ type: 'string', length: 10, nullable: true })
  firstPeriod?: string | null;

  /** Every period of the run with its figure, oldest first ([] on rows written before runs existed). */
  @Property({ type: 'jsonb', defaultRaw: `'[]'` })
  history: AlertPeriodValue[] = [];

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

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  raisedAt: Date = new Date();

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  acknowledgedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the one who acknowledged it noted' })
  acknowledgementNote?: string | null;

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
