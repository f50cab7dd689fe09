import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Term } from '../../cadres/term.entity';
import { Campaign } from '../campaign.entity';
import { CadreGradeEnum } from '../evaluation-enums';
import type { evaluation } from '@massline/shared';

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

@ObjectType('TendencyFlag', { description: 'A tendency the results show, with the figures that raised it and the thresholds they passed' })
export class TendencyFlagView {
  @Field(() => String, { description: 'OFFICIAL_ORIENTED, GDP_ORIENTED, DEBT_FINANCED or INDIVIDUAL_ORIENTED' }) code!: string;
  @Field(() => GraphQLJSON, { description: 'The figures that raised it' }) figures!: Record<string, number>;
  @Field(() => GraphQLJSON, { description: 'The thresholds they passed' }) thresholds!: Record<string, number>;
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
