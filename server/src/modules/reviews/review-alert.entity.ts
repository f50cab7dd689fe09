import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { evaluation, grants, reviews } from '@massline/shared';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GlobalIdField } from '../../common/global-id';
import { Node } from '../../common/node';
import { Term } from '../cadres/term.entity';
import { CadreGradeEnum } from '../evaluation/evaluation-enums';
import { GrantingBodyKindEnum } from '../grants/grants-enums';
import { Region } from '../regions/region.entity';
import { ReviewAlertAddresseeEnum, ReviewAlertStatusEnum } from './reviews-enums';

/**
 * A review alert: a term's verdict became "incompetent", so the power giver is called to review the
 * power it gave. Raised by the platform (a listener of the events that change verdicts), once per term
 * and verdict settings version — the unique key makes a race or a replay raise nothing more — and
 * addressed to one organization: the one that recorded the term's grant (on behalf of its granting body),
 * or for a term without a grant the organization its post belongs to. It keeps the verdict's figures as
 * they were when raised; only its resolution is ever written afterwards.
 */
@Entity({ tableName: 'review_alert' })
@Unique({ name: 'review_alert_once', properties: ['term', 'settingsVersion'] })
// The keyset order of an organization's list: the newest first.
@Index({ properties: ['raisedAt', 'id'] })
@Index({ properties: ['organizationId', 'status'] })
@ObjectType({
  implements: Node,
  description: "A call to review a grant of power: the term's verdict is incompetent, addressed to the organization that must act on it",
})
export class ReviewAlert implements Node {
  [OptionalProps]?: 'raisedAt' | 'status' | 'grantId' | 'bodyName' | 'bodyKind' | 'resolvedBy' | 'resolvedAt' | 'resolutionNote';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Term, { deleteRule: 'restrict' })
  term!: Rel<Term>;

  /** The region of the term's post: the auditors of its jurisdiction read the alert. */
  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'uuid' })
  @GlobalIdField('Organization', { description: 'The organization it is addressed to, which must act on it.', output: true })
  organizationId!: string;

  @Enum({ items: () => reviews.REVIEW_ALERT_ADDRESSEES })
  @Field(() => ReviewAlertAddresseeEnum, { description: 'Whom it calls: the granting body, or (no grant) the post’s organization' })
  addressee!: reviews.ReviewAlertAddressee;

  /** The grant that created the term (null: a term recorded without one). */
  @Property({ type: 'uuid', nullable: true })
  grantId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "The granting body's name, when the term has a grant" })
  bodyName: string | null = null;

  @Enum({ items: () => grants.GRANTING_BODY_KINDS, nullable: true })
  @Field(() => GrantingBodyKindEnum, { nullable: true, description: "The granting body's kind, when the term has a grant" })
  bodyKind: grants.GrantingBodyKind | null = null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The version of the verdict settings the verdict was reached with' })
  settingsVersion!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The combined score when raised, 0–100' })
  score!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: "Lower end of the score's 95 % interval" })
  low!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: "Upper end of the score's 95 % interval" })
  high!: number;

  @Enum({ items: () => evaluation.CADRE_GRADE_CODES })
  @Field(() => CadreGradeEnum, { description: 'The grade when raised (incompetent)' })
  grade!: evaluation.CadreGradeCode;

  @Property({ type: 'jsonb' })
  @Field(() => [String], { description: 'The tendency flags the verdict raised (their codes)' })
  flags!: string[];

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When it was raised' })
  raisedAt: Date = new Date();

  @Enum({ items: () => reviews.REVIEW_ALERT_STATUSES, default: 'OPEN' })
  @Field(() => ReviewAlertStatusEnum)
  status: reviews.ReviewAlertStatus = 'OPEN';

  @Property({ type: 'string', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who resolved it' })
  resolvedBy: string | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was resolved' })
  resolvedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How it was resolved' })
  resolutionNote: string | null = null;
}
