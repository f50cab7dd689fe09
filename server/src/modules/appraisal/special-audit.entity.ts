import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { User } from '../accounts/user.entity';
import { Term } from '../cadres/term.entity';
import { Region } from '../regions/region.entity';

/**
 * A special audit of a cadre's term (the "economic responsibility audit" at the end of a term): debt at
 * its start and end, irregular funds, spending on showcase ("image") projects against the term's total
 * spending, the number of findings, the audit body and the date. Money in 10,000 yuan. Append-only, as
 * inspections are: the latest counts in the verdict.
 */
@Entity({ tableName: 'special_audit' })
@Index({ properties: ['term', 'auditedOn', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
// The database's own guard on what shared's specialAuditProblems refuses first, as PostgreSQL writes it
// back (with its casts), so that the schema generator finds nothing to change.
@Check({
  name: 'special_audit_amounts',
  expression:
    'debt_at_start >= (0)::double precision and debt_at_end >= (0)::double precision and irregular_funds >= (0)::double precision and showcase_spending >= (0)::double precision and total_spending >= (0)::double precision and findings >= 0 and irregular_funds <= total_spending and showcase_spending <= total_spending',
})
@ObjectType({ implements: Node, description: "A special audit of a cadre's term: debt, irregular funds, showcase spending, findings" })
export class SpecialAudit implements Node {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Term, { deleteRule: 'restrict' })
  term!: Rel<Term>;

  /** The region of the term's post when recorded: the jurisdiction the record belongs to. */
  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Debt of the post’s budget at the start of the term (10,000 yuan)' })
  debtAtStart!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Debt at the end of the term, or at the audit (10,000 yuan)' })
  debtAtEnd!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Funds used irregularly (10,000 yuan)' })
  irregularFunds!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Spending on showcase ("image") projects (10,000 yuan)' })
  showcaseSpending!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: "The term's total spending, against which the shares are taken (10,000 yuan)" })
  totalSpending!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Number of audit findings' })
  findings!: number;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The audit body' })
  auditBody!: string;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'The day of the audit report (ISO date)' })
  auditedOn!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: Rel<User>;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When it was recorded' })
  createdAt: Date = new Date();
}
