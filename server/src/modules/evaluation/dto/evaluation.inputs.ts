import { evaluation } from '@massline/shared';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GlobalIdField } from '../../../common/global-id';
import { OrderType } from '../../../common/connection';
import { AnswerScaleEnum, CampaignStatusEnum } from '../evaluation-enums';

const { CAMPAIGN_LIMITS } = evaluation;

@InputType({ description: 'A question of a campaign: its code and its wording in both languages' })
export class CampaignCriterionInput implements evaluation.CampaignCriterion {
  @Field(() => String, { description: 'Upper case letters, digits and _, starting with a letter' }) @MaxLength(40) code!: string;
  @Field(() => String, { description: 'The question in English' }) @MaxLength(CAMPAIGN_LIMITS.criterionName) en!: string;
  @Field(() => String, { description: 'The question in Chinese' }) @MaxLength(CAMPAIGN_LIMITS.criterionName) zhCN!: string;
}

@InputType({
  description:
    "A new campaign (a draft): its region (in your jurisdiction), titles, period, the cadres' terms evaluated, and when it opens and closes. Criteria, scale and k default to the livelihood criteria, the provincial four-step scale and 30.",
})
export class CreateCampaignInput {
  @GlobalIdField('Region', { description: 'The region whose verified residents evaluate (a county: its towns and villages too).' })
  regionId!: string;

  @Field(() => String, { description: 'The title in English' }) @MaxLength(CAMPAIGN_LIMITS.title + 1) title!: string;
  @Field(() => String, { description: 'The title in Chinese' }) @MaxLength(CAMPAIGN_LIMITS.title + 1) titleZh!: string;
  @Field(() => String, { description: 'The period evaluated: 2026 or 2026-Q3' }) @MaxLength(10) period!: string;

  @Field(() => AnswerScaleEnum, { nullable: true, description: 'Default: PROVINCIAL_FOUR_STEP' })
  scale?: evaluation.AnswerScaleCode | null;

  @Field(() => [CampaignCriterionInput], { nullable: true, description: 'Default: the livelihood criteria of the platform' })
  @ArrayMaxSize(CAMPAIGN_LIMITS.criteria.max + 1)
  criteria?: CampaignCriterionInput[] | null;

  @Field(() => Int, { nullable: true, description: 'k, the publication threshold. Default: 30' })
  publicationThreshold?: number | null;

  @Field(() => Date, { description: 'When it is planned to open' }) opensAt!: Date;
  @Field(() => Date, { description: 'When it closes' }) closesAt!: Date;

  @GlobalIdField('Term', { list: true, description: "The terms evaluated: current terms of posts in the campaign's region." })
  @ArrayMaxSize(CAMPAIGN_LIMITS.terms.max + 1)
  termIds!: string[];
}

@InputType({ description: 'Changes to a draft campaign: the fields given replace the current ones (refused once it has opened).' })
export class UpdateCampaignInput {
  @Field(() => String, { nullable: true, description: 'The title in English' }) @IsOptional() @MaxLength(CAMPAIGN_LIMITS.title + 1) title?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The title in Chinese' })
  @IsOptional()
  @MaxLength(CAMPAIGN_LIMITS.title + 1)
  titleZh?: string | null;
  @Field(() => String, { nullable: true, description: 'The period evaluated' }) @IsOptional() @MaxLength(10) period?: string | null;
  @Field(() => AnswerScaleEnum, { nullable: true, description: 'The answer scale' }) scale?: evaluation.AnswerScaleCode | null;
  @Field(() => [CampaignCriterionInput], { nullable: true, description: 'The questions, in order' })
  @IsOptional()
  @ArrayMaxSize(CAMPAIGN_LIMITS.criteria.max + 1)
  criteria?: CampaignCriterionInput[] | null;
  @Field(() => Int, { nullable: true, description: 'k, the publication threshold' }) publicationThreshold?: number | null;
  @Field(() => Date, { nullable: true, description: 'When it is planned to open' }) opensAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it closes' }) closesAt?: Date | null;
  @GlobalIdField('Term', { list: true, nullable: true, description: 'The terms evaluated, in order.' })
  @IsOptional()
  @ArrayMaxSize(CAMPAIGN_LIMITS.terms.max + 1)
  termIds?: string[] | null;
}

@InputType({ description: 'The answer to one question: its criterion code and the step of the scale chosen (DONT_KNOW included)' })
export class BallotAnswerInput implements evaluation.BallotAnswer {
  @Field(() => String, { description: 'The criterion code' }) criterion!: string;
  @Field(() => String, { description: "A step of the campaign's scale, e.g. SATISFIED or DONT_KNOW" }) step!: string;
}

/**
 * Checked by shared's ballot rules alone (`evaluation.ballotProblems`, in BallotService.cast), each refusal
 * a coded problem: no class-validator rule, and castBallot's argument is not validated by type-graphql
 * (`validate: false`), whose pass cost a ballot some 33 µs of CPU (it resolves class-validator's module on every
 * call, then walks the class's metadata), 1.5–3 % of the server's time a ballot. Answers beyond the
 * campaign's criteria are each refused as unknown or given twice; a comment over its length as TOO_LONG.
 */
@InputType({ description: 'A ballot: every question of the campaign answered once, for one cadre (term), with an optional comment' })
export class CastBallotInput {
  @GlobalIdField('Campaign', { description: 'The campaign.' }) campaignId!: string;
  @GlobalIdField('Term', { description: 'The cadre evaluated (their term).' }) termId!: string;

  @Field(() => [BallotAnswerInput], { description: 'One answer per criterion' })
  answers!: BallotAnswerInput[];

  @Field(() => String, {
    nullable: true,
    description: `A comment of at most ${evaluation.BALLOT_COMMENT_MAX} characters, shown to the organization only after close, in random order`,
  })
  comment?: string | null;
}

@InputType({ description: 'Which campaigns to list; every condition given must hold.' })
export class CampaignFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Campaigns of this region and those under it.' }) regionId?: string | null;
  @Field(() => CampaignStatusEnum, { nullable: true, description: 'Only campaigns in this status' })
  status?: evaluation.CampaignStatus | null;
  @Field(() => String, { nullable: true, description: 'Only campaigns of this period' }) @IsOptional() @MaxLength(10) period?:
    string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only the campaigns you took part in (cast at least one ballot); false: only those you did not. Only a citizen takes part: for anyone else, true lists nothing and false everything.',
  })
  participated?: boolean | null;
}

export const CampaignOrder = OrderType('Campaign', ['CREATED_AT', 'CLOSES_AT'] as const);
export type CampaignOrder = InstanceType<typeof CampaignOrder>;

@ArgsType()
export class CampaignListArgs {
  @Field(() => CampaignFilter, { nullable: true, description: 'Which campaigns' }) filter?: CampaignFilter | null;
  @Field(() => CampaignOrder, { nullable: true, description: 'Default: newest first' }) orderBy?: CampaignOrder | null;
}
