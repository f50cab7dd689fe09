import { evaluation } from '@massline/shared';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CadreGradeEnum } from '../evaluation/evaluation-enums';
import { ScoreIntervalView, TendencyFlagView } from '../evaluation/dto/evaluation.outputs';
import { Term } from '../cadres/term.entity';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';

@ObjectType({ description: 'Mass satisfaction with one criterion, named as the campaign asked it' })
export class CriterionScore extends ScoreIntervalView {
  @Field(() => String, { description: "The criterion's code" }) code!: string;
  @Field(() => String, { description: 'Its name in English, as the campaign asked it' }) nameEn!: string;
  @Field(() => String, { description: 'Its name in Chinese, as the campaign asked it' }) nameZh!: string;
  @Field(() => Int, { description: '"Don\'t know" answers: given, not scored' }) dontKnow!: number;
}

@ObjectType({ description: 'The points the audit component lost, per cause (out of 40, 30, 20 and 10)' })
export class AuditPenalties {
  @Field(() => Float, { description: 'For debt growth over the term (up to 40)' }) debtGrowth!: number;
  @Field(() => Float, { description: 'For irregular funds (up to 30)' }) irregularFunds!: number;
  @Field(() => Float, { description: 'For showcase spending (up to 20)' }) showcaseSpending!: number;
  @Field(() => Float, { description: 'For the number of findings (up to 10)' }) findings!: number;
}

@ObjectType({ description: 'The audit component of a verdict: 100 less its penalties' })
export class AuditComponent {
  @Field(() => Float, { description: 'The audit score, 0–100' }) score!: number;
  @Field(() => AuditPenalties, { description: 'What it lost, per cause' }) penalties!: AuditPenalties;
}

@ObjectType({ description: 'The weight of each component in a verdict: those of the components present, scaled to sum to 1' })
export class VerdictWeights {
  @Field(() => Float, { description: 'Mass satisfaction' }) mass!: number;
  @Field(() => Float, { description: 'Organizational inspection' }) inspection!: number;
  @Field(() => Float, { description: 'Special audit' }) audit!: number;
}

@ObjectType({ description: 'The mass evaluation a verdict stands on: a published campaign whose ballots for the term reached k' })
export class MassEvaluationSource {
  @Field(() => String, { description: "The campaign's global id" }) campaignId!: string;
  @Field(() => String, { description: "The campaign's title in English" }) title!: string;
  @Field(() => String, { description: "The campaign's title in Chinese" }) titleZh!: string;
  @Field(() => String, { description: 'The period it evaluated' }) period!: string;
  @Field(() => Int, { description: 'Ballots cast for the term' }) ballots!: number;
  @Field(() => Int, { nullable: true, description: 'Citizens who could vote (the population of the interval)' }) eligible!: number | null;
}

@ObjectType({
  description:
    "The verdict on a cadre's term: mass satisfaction (the main body), organizational inspection and special audit combined into a score and a grade, with tendency flags",
})
export class Verdict {
  @Field(() => Term, { description: 'The term judged' }) term!: Term;
  @Field(() => Int, { description: 'The version of the verdict settings it was reached with' }) settingsVersion!: number;
  @Field(() => MassEvaluationSource, { description: 'The campaign its mass satisfaction comes from' }) source!: MassEvaluationSource;
  @Field(() => ScoreIntervalView, { description: 'Mass satisfaction, overall' }) mass!: ScoreIntervalView;
  @Field(() => [CriterionScore], { description: 'Mass satisfaction per criterion' }) criteria!: CriterionScore[];
  @Field(() => Inspection, { nullable: true, description: 'The inspection it used (the latest), if any' }) inspection!: Inspection | null;
  @Field(() => SpecialAudit, { nullable: true, description: 'The special audit it used (the latest), if any' })
  specialAudit!: SpecialAudit | null;

  @Field(() => AuditComponent, { nullable: true, description: 'The audit component, if there is an audit' })
  audit!: AuditComponent | null;

  @Field(() => VerdictWeights, { description: 'The weights used' }) weights!: VerdictWeights;
  @Field(() => Float, { description: 'The combined score, 0–100' }) score!: number;
  @Field(() => Float, { description: "Lower end of the score's 95 % interval (from mass satisfaction's)" }) low!: number;
  @Field(() => Float, { description: "Upper end of the score's 95 % interval" }) high!: number;
  @Field(() => CadreGradeEnum, { description: 'The grade of the score' }) grade!: evaluation.CadreGradeCode;
  @Field(() => Boolean, { description: 'The interval straddles a grade boundary: the grade is uncertain, not asserted' })
  uncertain!: boolean;

  @Field(() => [TendencyFlagView], { description: 'The tendencies it exposes, each explained (thresholds of settingsVersion)' })
  flags!: TendencyFlagView[];
}
