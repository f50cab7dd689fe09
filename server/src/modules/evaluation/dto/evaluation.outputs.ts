import { evaluation } from '@massline/shared';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { asEnum } from '../../../common/graphql-enums';
import { Term } from '../../cadres/term.entity';
import { Campaign } from '../campaign.entity';
import { CadreGradeEnum } from '../evaluation-enums';

@ObjectType('ScoreInterval', { description: 'A mean score on 0–100 with its 95 % confidence interval and the number of answers behind it' })
export class ScoreIntervalView {
  @Field(() => Float, { nullable: true, description: 'The mean (null without any scored answer)' }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'The lower end of the 95 % interval' }) low!: number | null;
  @Field(() => Float, { nullable: true, description: 'The upper end of the 95 % interval' }) high!: number | null;
  @Field(() => Int, { description: 'Scored answers (for the overall score: ballots with a scored answer)' }) n!: number;
}

@ObjectType('CriterionResult', { description: 'The result of one question for one cadre' })
export class CriterionResultView extends ScoreIntervalView {
  @Field(() => String, { description: 'The criterion code' }) code!: string;
  @Field(() => Int, { description: '"Don\'t know" answers (counted, never scored)' }) dontKnow!: number;
}

export const TendencyFlagCodeEnum = asEnum(evaluation.TENDENCY_FLAGS);
registerEnumType(TendencyFlagCodeEnum, {
  name: 'TendencyFlagCode',
  description:
    'A tendency a verdict exposes: achievements for superiors rather than the people (OFFICIAL_ORIENTED), growth figures over livelihood (GDP_ORIENTED), achievements financed by debt (DEBT_FINANCED), showcase projects or a poor work style (INDIVIDUAL_ORIENTED)',
});

@ObjectType({ description: 'A named figure of a tendency flag' })
export class FlagFigure {
  @Field(() => String, {
    description:
      'What it is, for the console to word: inspection, massSatisfaction, gap, reportedGrowth, livelihoodSatisfaction, debtAtStart, debtAtEnd, debtGrowth, showcaseShare, workStyle, otherCriteria or workStyleGap',
  })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Its value; null when unbounded (debt growth from no debt)' }) value!: number | null;
}

@ObjectType({ description: 'A threshold of a tendency flag, named after the setting of the verdict settings version it comes from' })
export class FlagThreshold {
  @Field(() => String, {
    description: 'Which threshold: gap, growth, livelihoodFloor, debtGrowth, showcaseShare or workStyleGap',
  })
  name!: string;

  @Field(() => Float, { description: 'Its value in the settings version the flag was raised under' }) value!: number;
}

@ObjectType('TendencyFlag', {
  description:
    'A tendency a result or a verdict shows, with the figures that raised it and the thresholds they passed (one type wherever flags appear)',
})
export class TendencyFlagView {
  @Field(() => TendencyFlagCodeEnum, { description: 'Which tendency' }) code!: evaluation.TendencyFlagCode;
  @Field(() => [FlagFigure], { description: 'The figures that raised it' }) figures!: FlagFigure[];
  @Field(() => [FlagThreshold], { description: 'The thresholds they passed' }) thresholds!: FlagThreshold[];
}

/**
 * A flag of shared's maths as the API gives it: its named numbers as typed figures, an unbounded value
 * (debt growth from no debt) as null.
 */
export function tendencyFlagView(flag: evaluation.TendencyFlag): TendencyFlagView {
  return {
    code: flag.code,
    figures: Object.entries(flag.figures).map(([name, value]) => ({ name, value: Number.isFinite(value) ? value : null })),
    thresholds: Object.entries(flag.thresholds).map(([name, value]) => ({ name, value })),
  };
}

@ObjectType('CampaignTermResult', {
  description: 'The result of one cadre in a closed campaign: only the ballot count below k, the scores from k ballots on',
})
export class CampaignTermResultView {
  @Field(() => Term, { description: 'The cadre evaluated (their term)' }) term!: Term;
  @Field(() => Int, { description: 'Ballots cast for this cadre' }) ballots!: number;
  @Field(() => Boolean, { description: 'Whether the scores are shown: at least k ballots' }) published!: boolean;
  @Field(() => ScoreIntervalView, { nullable: true, description: 'Mass satisfaction: the mean of the ballots’ mean scores (null below k)' })
  overall!: ScoreIntervalView | null;
  @Field(() => [CriterionResultView], { description: 'Per question (empty below k)' }) criteria!: CriterionResultView[];
  @Field(() => CadreGradeEnum, { nullable: true, description: 'The grade of mass satisfaction (null below k)' })
  grade!: evaluation.CadreGradeCode | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the interval straddles a grade boundary: the grade is not asserted' })
  uncertain!: boolean | null;
  @Field(() => [TendencyFlagView], { description: 'Tendencies the mass results alone show (work style far below the rest)' })
  flags!: TendencyFlagView[];
  @Field(() => [String], {
    nullable: true,
    description:
      "The ballots' comments, in random order: for the organization and auditors of the jurisdiction, after close, from k ballots",
  })
  comments!: string[] | null;
}

@ObjectType('TermTurnout', { description: 'Ballots cast so far for one cadre' })
export class TermTurnoutView {
  @Field(() => Term, { description: 'The cadre (their term)' }) term!: Term;
  @Field(() => Int, { description: 'Ballots cast' }) ballots!: number;
}

@ObjectType('CampaignTurnout', { description: 'How many took part, against how many could: counts only, never a partial result' })
export class CampaignTurnoutView {
  @Field(() => Int, { description: 'Ballots cast, all cadres together' }) ballots!: number;
  @Field(() => Int, { description: 'Citizens who cast at least one ballot' }) participants!: number;
  @Field(() => Int, { description: 'Verified residents of the region (at close: those counted then)' }) eligible!: number;
  @Field(() => [TermTurnoutView], { description: 'Ballots per cadre' }) terms!: TermTurnoutView[];
}

@ObjectType('CampaignTermVote', { description: 'Whether you have evaluated one cadre of a campaign' })
export class CampaignTermVoteView {
  @Field(() => Term, { description: 'The cadre (their term)' }) term!: Term;
  @Field(() => Boolean, { description: 'Whether your ballot for this cadre is in' }) voted!: boolean;
}

@ObjectType('BallotReceipt', { description: 'The receipt of a ballot: shown once, never again' })
export class BallotReceiptView {
  @Field(() => String, { description: 'The receipt code (keep it: it is the only proof that your ballot is counted)' }) code!: string;
}

@ObjectType('BallotReceiptCheck', { description: 'Whether a ballot with this receipt is counted — never what it says' })
export class BallotReceiptCheckView {
  @Field(() => Boolean, { description: 'Whether a ballot with this receipt is counted' }) counted!: boolean;
  @Field(() => Campaign, { nullable: true, description: 'Its campaign, when you may read it' }) campaign!: Campaign | null;
}
