import { appraisal } from '@massline/shared';
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { GlobalIdField } from '../../../common/global-id';

const LIMITS = appraisal.APPRAISAL_TEXT_LIMITS;

// The numbers and dates are checked by shared's rules (appraisal.inspectionProblems and
// specialAuditProblems), which the console applies before sending; the decorators only bound the texts'
// size before anything else reads them.

@InputType({ description: "An organizational inspection of a cadre's term" })
export class RecordInspectionInput {
  @GlobalIdField('Term', { description: 'The term inspected.' }) termId!: string;
  @Field(() => Float, { description: 'The inspection score, 0–100' }) score!: number;
  @Field(() => String, { description: 'What the inspection found' }) @MaxLength(LIMITS.findings * 2) findings!: string;
  @Field(() => String, { description: 'Who inspected, as on the report' }) @MaxLength(LIMITS.inspector * 2) inspector!: string;
  @Field(() => String, { description: 'The day of the inspection (YYYY-MM-DD), not before the term began nor after today' })
  @MaxLength(20)
  inspectedOn!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Economic growth over the term that the cadre reported (%), if the inspection recorded one',
  })
  @IsOptional()
  reportedGrowth?: number | null;
}

@InputType({ description: "A special audit of a cadre's term; money in 10,000 yuan" })
export class RecordSpecialAuditInput {
  @GlobalIdField('Term', { description: 'The term audited.' }) termId!: string;
  @Field(() => Float, { description: 'Debt at the start of the term' }) debtAtStart!: number;
  @Field(() => Float, { description: 'Debt at the end of the term, or at the audit' }) debtAtEnd!: number;
  @Field(() => Float, { description: 'Funds used irregularly' }) irregularFunds!: number;
  @Field(() => Float, { description: 'Spending on showcase ("image") projects' }) showcaseSpending!: number;
  @Field(() => Float, { description: "The term's total spending" }) totalSpending!: number;
  @Field(() => Int, { description: 'Number of audit findings' }) findings!: number;
  @Field(() => String, { description: 'The audit body' }) @MaxLength(LIMITS.auditBody * 2) auditBody!: string;
  @Field(() => String, { description: 'The day of the audit report (YYYY-MM-DD)' }) @MaxLength(20) auditedOn!: string;
}

@InputType({ description: 'Which appraisal records to list' })
export class AppraisalRecordFilter {
  @GlobalIdField('Term', { nullable: true, description: 'Only those of this term.' }) termId?: string | null;
  @GlobalIdField('Region', { nullable: true, description: 'Only those in this region or under it.' }) withinId?: string | null;
}

@ArgsType()
export class AppraisalRecordFilterArgs {
  @Field(() => AppraisalRecordFilter, { nullable: true, description: 'Which records; all those you may read by default.' })
  filter?: AppraisalRecordFilter | null;
}
