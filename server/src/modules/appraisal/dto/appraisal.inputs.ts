import { appraisal, type evaluation } from '@massline/shared';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { GlobalIdField } from '../../../common/global-id';
import { CadreGradeEnum } from '../../evaluation/evaluation-enums';

const LIMITS = appraisal.APPRAISAL_TEXT_LIMITS;

/** A version's note: a paragraph. */
export const VERDICT_SETTINGS_NOTE_LIMIT = 2000;

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

// A verdict settings version is checked as a whole by shared's verdictSettingsProblems (weights sum to
// 1, one band per grade, best first, positive thresholds), which the console applies before sending.

@InputType({ description: 'The weight of each component of a verdict; they sum to 1' })
export class VerdictWeightsInput {
  @Field(() => Float, { description: 'Mass satisfaction (above 0: the main body)' }) mass!: number;
  @Field(() => Float, { description: 'Organizational inspection' }) inspection!: number;
  @Field(() => Float, { description: 'Special audit' }) audit!: number;
}

@InputType({ description: 'The smallest combined score of a grade' })
export class VerdictBandInput {
  @Field(() => CadreGradeEnum, { description: 'The grade' }) code!: evaluation.CadreGradeCode;
  @Field(() => Float, { description: 'Its smallest score, 0–100 (the lowest band: 0)' }) minimum!: number;
}

@InputType({ description: 'The values at which the audit formula takes off its full penalty' })
export class AuditPenaltiesInput {
  @Field(() => Float, { description: 'Debt growth over the term, as a share (1 = +100 %): 40 points' }) debtGrowth!: number;
  @Field(() => Float, { description: 'Irregular funds as a share of spending: 30 points' }) irregularShare!: number;
  @Field(() => Float, { description: 'Showcase spending as a share of spending: 20 points' }) showcaseShare!: number;
  @Field(() => Float, { description: 'Number of findings: 10 points' }) findings!: number;
}

@InputType({ description: 'A new version of the verdict thresholds, written as a draft (not in force until activated)' })
export class CreateVerdictSettingsInput {
  @Field(() => VerdictWeightsInput, { description: 'The weights of mass satisfaction, inspection and audit' })
  weights!: VerdictWeightsInput;
  @Field(() => [VerdictBandInput], {
    description: 'One band per grade, best first: EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT',
  })
  @ArrayMaxSize(10)
  bands!: VerdictBandInput[];

  @Field(() => Float, { description: 'Official-oriented: inspection at least this many points above mass satisfaction' })
  officialGap!: number;
  @Field(() => Float, { description: 'GDP-oriented: reported growth (%) at least this …' }) gdpGrowth!: number;
  @Field(() => Float, { description: '… while livelihood satisfaction is below this (0–100)' }) livelihoodFloor!: number;
  @Field(() => Float, { description: 'Debt-financed: debt growth over the term at least this share (0.5 = +50 %)' }) debtGrowth!: number;
  @Field(() => Float, { description: 'Individual-oriented: showcase spending at least this share of spending (0–1) …' })
  showcaseShare!: number;

  @Field(() => Float, { description: '… or work style at least this many points below the other criteria' }) workStyleGap!: number;
  @Field(() => AuditPenaltiesInput, { description: "The audit formula's full penalties" }) auditPenalties!: AuditPenaltiesInput;
  @Field(() => String, { nullable: true, description: 'What changed and why' })
  @IsOptional()
  @MaxLength(VERDICT_SETTINGS_NOTE_LIMIT)
  note?: string | null;
}
