import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { grants } from '@massline/shared';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GlobalIdField } from '../../../common/global-id';
import {
  GrantEndingReasonEnum,
  GrantingBodyKindEnum,
  GrantMethodEnum,
  GrantStatusEnum,
  GrantStepKindEnum,
  type GrantEndingReason,
  type GrantStatus,
} from '../grants-enums';

@InputType({ description: 'Which grants to list; every condition given must hold.' })
export class GrantFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Grants of posts of this region and every region under it.' })
  regionId?: string | null;

  @GlobalIdField('Post', { nullable: true, description: 'Grants of this post.' })
  postId?: string | null;

  @GlobalIdField('Cadre', { nullable: true, description: 'Grants to this cadre.' })
  cadreId?: string | null;

  @Field(() => GrantMethodEnum, { nullable: true })
  method?: grants.GrantMethod | null;

  @Field(() => GrantStatusEnum, { nullable: true, description: 'Grants standing here now (derived from their records).' })
  status?: GrantStatus | null;

  @Field(() => String, { nullable: true, description: 'Grants decided on this day or later (YYYY-MM-DD, the decision as corrected).' })
  decidedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Grants decided on this day or earlier (YYYY-MM-DD, the decision as corrected).' })
  decidedTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: grants whose public notice is open today (objections may be filed); false or absent: no condition.',
  })
  noticeOpen?: boolean | null;

  @GlobalIdField('Region', {
    nullable: true,
    description: "Grants whose notice concerns this region's residents: grants of this region and of every region above it.",
  })
  noticeFor?: string | null;
}

@ArgsType()
export class GrantListArgs {
  @Field(() => GrantFilter, { nullable: true })
  filter?: GrantFilter | null;
}

@InputType({ description: 'A new grant: the post, the cadre, how and by whom power is granted, for how long.' })
export class CreateGrantInput {
  @GlobalIdField('Post', { description: 'The post granted.' })
  postId!: string;

  @GlobalIdField('Cadre', { description: 'The cadre it is granted to.' })
  cadreId!: string;

  @Field(() => GrantMethodEnum)
  method!: grants.GrantMethod;

  @Field(() => String, { description: 'The granting body, 1 to 200 characters' })
  @Length(1, 200, { message: 'Between 1 and 200 characters' })
  bodyName!: string;

  @Field(() => GrantingBodyKindEnum)
  bodyKind!: grants.GrantingBodyKind;

  @Field(() => Int, { description: 'The term, 1 to 5 years from the day it takes effect' })
  @Min(1, { message: 'At least 1 year' })
  @Max(5, { message: 'At most 5 years' })
  termYears!: number;
}

@InputType({
  description:
    "A step of a grant's procedure: which, its date, its facts (an object whose fields the step kind says: docs of GrantStepKind).",
})
export class RecordGrantStepInput {
  @GlobalIdField('Grant', { description: 'The grant.' })
  grantId!: string;

  @Field(() => GrantStepKindEnum)
  step!: grants.GrantRecordStep;

  @Field(() => String, { description: 'The date of the step (YYYY-MM-DD); a notice starts on it' })
  date!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'MOTION {summary}; RECOMMENDATION {entitled, participants, posts, candidates [{name, votes}]}; INSPECTION {interviews, findings}; DECISION (appointment) {members, present, votesFor, votesAgainst, abstentions}, (election) {electors, ballotsCast, posts, candidates, elected}; NOTICE {end}; TAKING_EFFECT {}; PROBATION_END {outcome: CONFIRMED|REMOVED}',
  })
  facts!: Record<string, unknown>;
}

@InputType({
  description: 'A correction of a recorded step: its new date and facts, and why. The step as first recorded stays in the history.',
})
export class CorrectGrantStepInput {
  @Field(() => String, { description: "The step's id (GrantStepView.id)" })
  @Length(36, 36)
  stepId!: string;

  @Field(() => String, { description: 'The corrected date (YYYY-MM-DD)' })
  date!: string;

  @Field(() => GraphQLJSONObject, { description: 'The corrected facts, as RecordGrantStepInput.facts' })
  facts!: Record<string, unknown>;

  @Field(() => String, { description: 'Why it is corrected, 1 to 1000 characters' })
  @Length(1, 1000, { message: 'Between 1 and 1000 characters' })
  reason!: string;
}

@InputType({ description: 'An objection to a grant in public notice, by a citizen of its region.' })
export class FileObjectionInput {
  @GlobalIdField('Grant', { description: 'The grant in notice.' })
  grantId!: string;

  @Field(() => String, { description: 'The objection, 1 to 2000 characters' })
  @Length(1, 2000, { message: 'Between 1 and 2000 characters' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'What evidence there is, and where (at most 1000 characters)' })
  @IsOptional()
  @MaxLength(1000)
  evidence?: string | null;

  @Field(() => Boolean, { description: 'Anonymous: nothing links the objection to you. Named: your name is shown with it.' })
  anonymous!: boolean;
}

@InputType({ description: "The organization's answer to an objection." })
export class AnswerObjectionInput {
  @GlobalIdField('GrantObjection', { description: 'The objection.' })
  objectionId!: string;

  @Field(() => Boolean, { description: 'Upheld: the objection stands and the grant stops.' })
  upheld!: boolean;

  @Field(() => String, { description: 'The reasons, 1 to 2000 characters' })
  @Length(1, 2000, { message: 'Between 1 and 2000 characters' })
  reasons!: string;
}

@InputType({ description: 'The end of a grant in effect; the term it created ends with it.' })
export class EndGrantInput {
  @GlobalIdField('Grant', { description: 'The grant.' })
  grantId!: string;

  @Field(() => GrantEndingReasonEnum)
  reason!: GrantEndingReason;

  @Field(() => String, { description: 'The day it ended (YYYY-MM-DD)' })
  endedOn!: string;

  @Field(() => String, { description: 'Who decided, 1 to 200 characters (the body, or the cadre resigning)' })
  @Length(1, 200, { message: 'Between 1 and 200 characters' })
  decidedBy!: string;

  @Field(() => String, { description: 'Why, 1 to 2000 characters' })
  @Length(1, 2000, { message: 'Between 1 and 2000 characters' })
  why!: string;
}

@InputType({ description: 'A day of the holiday calendar and what it is called.' })
export class CalendarDayInput {
  @Field(() => String, { description: 'The day (YYYY-MM-DD)' })
  day!: string;

  @Field(() => String, { description: 'What it is, e.g. "Spring Festival" (1 to 100 characters)' })
  @Length(1, 100, { message: 'Between 1 and 100 characters' })
  note!: string;
}

@InputType({
  description: 'One year of the official holiday schedule, replacing what was set for it: public holidays and make-up working days.',
})
export class SetWorkingCalendarInput {
  @Field(() => Int, { description: 'The year' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => [CalendarDayInput], { description: 'Days off that would otherwise be working days' })
  holidays!: CalendarDayInput[];

  @Field(() => [CalendarDayInput], { description: 'Weekend days that are worked' })
  makeUpDays!: CalendarDayInput[];
}
