import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { evaluation } from '@massline/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { Organization } from '../accounts/organization.entity';
import { Region } from '../regions/region.entity';
import { CampaignCriterionView } from './dto/campaign-criterion.output';
import { AnswerScaleEnum, CampaignStatusEnum } from './evaluation-enums';

/**
 * A campaign of mass evaluation: an organization of the region asks its verified residents to rate the
 * cadres (terms) it lists, on criteria and a scale frozen once it opens. Draft → open → closed →
 * published (shared's transition table); at close its ballots are shuffled and tallied into
 * campaign_result, and `eligibleAtClose` keeps the number of citizens who could have voted.
 */
@Entity({ tableName: 'campaign' })
// The keyset order of the list by default: the newest first (read backwards).
@Index({ properties: ['createdAt', 'id'] })
// The sweep: open campaigns by closing time.
@Index({ properties: ['status', 'closesAt'] })
@ObjectType({ implements: Node, description: 'A campaign of mass evaluation of cadres by the residents of a region' })
export class Campaign implements Node {
  [OptionalProps]?: 'createdAt' | 'status' | 'openedAt' | 'closedAt' | 'publishedAt' | 'remindedAt' | 'eligibleAtClose';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organization, { deleteRule: 'restrict', index: true })
  organization!: Rel<Organization>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The title in English' })
  title!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The title in Chinese' })
  titleZh!: string;

  @Property({ type: 'string', length: 10 })
  @Field(() => String, { description: 'The period evaluated: a year (2026) or a quarter (2026-Q3)' })
  period!: string;

  @Enum({ items: () => evaluation.ANSWER_SCALE_CODES })
  @Field(() => AnswerScaleEnum)
  scale!: evaluation.AnswerScaleCode;

  @Property({ type: 'jsonb' })
  @Field(() => [CampaignCriterionView], { description: 'The questions, in the order ballots answer them' })
  criteria!: evaluation.CampaignCriterion[];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'k: results of a cadre are shown only from this many ballots; below it, only the count' })
  publicationThreshold!: number;

  @Property({ type: 'datetime', length: 3 })
  @Field(() => Date, { description: 'When the campaign is planned to open' })
  opensAt!: Date;

  @Property({ type: 'datetime', length: 3 })
  @Field(() => Date, { description: 'When it closes: ballots are refused from then on, and the sweep closes it' })
  closesAt!: Date;

  @Enum({ items: () => evaluation.CAMPAIGN_STATUSES, default: 'DRAFT' })
  @Field(() => CampaignStatusEnum)
  status: evaluation.CampaignStatus = 'DRAFT';

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was opened' })
  openedAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was closed (and tallied)' })
  closedAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When its results were published' })
  publishedAt: Date | null = null;

  /** When the "closing tomorrow" reminder went out (once per campaign). */
  @Property({ type: 'datetime', length: 3, nullable: true })
  remindedAt: Date | null = null;

  /** The verified residents who could have voted, counted at close (the population of the intervals). */
  @Property({ type: 'integer', nullable: true })
  eligibleAtClose: number | null = null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
