import { GlobalIdField } from '../../../common/global-id';
import { IsOptional, Length, Matches, MaxLength, Max, Min, ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { harmony } from '@massline/shared';
import { OrderType } from '../../../common/connection';
import { asEnum, SortDirectionEnum, type SortDirection } from '../../../common/graphql-enums';
import {
  AggregationMethodEnum,
  AlertKindEnum,
  AlertStatusEnum,
  GradeEnum,
  IndicatorDirectionEnum,
  NormalizationKindEnum,
  RateBasisEnum,
  type AlertStatus,
} from '../harmony-enums';
import { registerEnumType } from 'type-graphql';

const LENGTHS = harmony.INDICATOR_TEXT_LENGTHS;

@InputType({
  description: 'A new indicator of the catalogue: its code, names and units in both languages, direction, rate basis and goalposts.',
})
export class CreateIndicatorInput {
  // The limits are the shared ones (harmony.indicatorProblems), which the console checks before sending.
  @Field(() => String, { description: 'Upper case letters, digits and _' })
  @Matches(harmony.INDICATOR_CODE_PATTERN, { message: 'Upper case letters, digits and _, starting with a letter' })
  @Length(LENGTHS.code.min, LENGTHS.code.max)
  code!: string;

  @Field(() => String) @Length(LENGTHS.nameEn.min, LENGTHS.nameEn.max) nameEn!: string;
  @Field(() => String) @Length(LENGTHS.nameZh.min, LENGTHS.nameZh.max) nameZh!: string;
  @Field(() => String) @Length(LENGTHS.unitEn.min, LENGTHS.unitEn.max) unitEn!: string;
  @Field(() => String) @Length(LENGTHS.unitZh.min, LENGTHS.unitZh.max) unitZh!: string;
  @Field(() => IndicatorDirectionEnum) direction!: harmony.IndicatorDirection;
  @Field(() => RateBasisEnum) rateBasis!: harmony.RateBasis;
  @Field(() => Float) goalpostLower!: number;
  @Field(() => Float) goalpostUpper!: number;
  @Field(() => Float, { nullable: true }) redLine?: number | null;
}

@InputType({
  description: 'A value, or a raw count (with its total, for a percentage) that the population of the period turns into a rate',
})
export class RecordObservationInput {
  @GlobalIdField('Region', { description: 'The region.' }) regionId!: string;
  @Field(() => String, { description: '2026, 2026-Q3 or 2026-07' }) period!: string;
  @Field(() => String) indicatorCode!: string;
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => Float, { nullable: true }) rawCount?: number | null;
  @Field(() => Float, { nullable: true }) rawTotal?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) source?: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The revision this value corrects (optimistic concurrency): refused with OBSERVATION_CHANGED if the observation is at another one. Without it, concurrent corrections are applied one after the other, each kept as a revision',
  })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: 'Which observations to list or export; every condition given must hold.' })
export class ObservationFilter {
  @GlobalIdField('Region', { nullable: true, description: 'This region and those under it.' }) withinId?: string | null;
  @GlobalIdField('Region', { nullable: true, description: 'This region only.' }) regionId?: string | null;
  @Field(() => String, { nullable: true }) period?: string | null;
  @Field(() => String, { nullable: true }) indicatorCode?: string | null;
}

export const ObservationOrder = OrderType('Observation', ['PERIOD', 'ENTERED_AT', 'REGION_CODE', 'INDICATOR'] as const);
export type ObservationOrder = InstanceType<typeof ObservationOrder>;

@ArgsType()
export class ObservationListArgs {
  @Field(() => ObservationFilter, { nullable: true }) filter?: ObservationFilter | null;
  @Field(() => ObservationOrder, { nullable: true, description: 'Default: latest period first' }) orderBy?: ObservationOrder | null;
}

@InputType({
  description:
    'Household incomes of a region and period (CSV), from which the Gini coefficient is computed and recorded as the GINI observation.',
})
export class GiniFromMicrodataInput {
  @GlobalIdField('Region', { description: 'The region.' }) regionId!: string;
  @Field(() => String) period!: string;
  @Field(() => String, { description: 'CSV with a header: income[,weight] — one household per line' })
  @MaxLength(60_000_000)
  csv!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) source?: string | null;
}

@InputType({
  description:
    'Income shares of quintiles or deciles of a region and period, from which the Gini coefficient is computed and recorded as the GINI observation.',
})
export class GiniFromSharesInput {
  @GlobalIdField('Region', { description: 'The region.' }) regionId!: string;
  @Field(() => String) period!: string;
  @Field(() => [Float], {
    description: 'Income shares of equal population groups, poorest first: 5 (quintiles) or 10 (deciles); in % or fractions',
  })
  @ArrayMinSize(5)
  @ArrayMaxSize(10)
  shares!: number[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) source?: string | null;
}

@InputType({ description: 'How one indicator enters a methodology version: its weight and its normalization.' })
export class IndicatorSettingInput {
  @Field(() => String) code!: string;
  @Field(() => Float) @Min(0) @Max(1) weight!: number;
  @Field(() => NormalizationKindEnum) normalization!: harmony.NormalizationKind;
  @Field(() => Float, { nullable: true, description: 'Goalposts only; default: the indicator’s' }) lower?: number | null;
  @Field(() => Float, { nullable: true }) upper?: number | null;
  @Field(() => Float, { nullable: true, description: 'Default: the indicator’s' }) redLine?: number | null;
}

@InputType({
  description: 'One named band of the index: an index at or above its minimum (0–100) and below the next band’s gets its grade.',
})
export class GradeBandInput {
  @Field(() => GradeEnum) code!: harmony.GradeCode;
  @Field(() => Float) minimum!: number;
}

@InputType({ description: 'One rule that raises alerts when assessments are computed under the version.' })
export class AlertRuleInput {
  @Field(() => AlertKindEnum) kind!: harmony.AlertKind;
  @Field(() => Float, { nullable: true, description: 'INDEX_BELOW: the index threshold' }) threshold?: number | null;
  @Field(() => Float, { nullable: true, description: 'FALL_SINCE_PREVIOUS: the points' }) points?: number | null;
}

@InputType({ description: 'A new methodology version; the current ones never change' })
export class CreateMethodologyVersionInput {
  @Field(() => String, { description: 'Name in English' }) @Length(2, 200) name!: string;
  @Field(() => String, { nullable: true, description: 'Name in Chinese' }) @IsOptional() @Length(1, 200) nameZh?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Description in Chinese' }) @IsOptional() @MaxLength(2000) descriptionZh?:
    string | null;
  @Field(() => [IndicatorSettingInput]) @ArrayMinSize(1) indicators!: IndicatorSettingInput[];
  @Field(() => AggregationMethodEnum) aggregation!: harmony.AggregationMethod;
  @Field(() => [GradeBandInput], { nullable: true }) gradeBands?: GradeBandInput[] | null;
  @Field(() => Float, { nullable: true, description: 'Share of weight present for a complete assessment; default 0.65' })
  coverageThreshold?: number | null;
  @Field(() => [AlertRuleInput], { nullable: true }) alertRules?: AlertRuleInput[] | null;
  @Field(() => Boolean, { nullable: true }) winsorise?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Make it the active version at once' }) activate?: boolean | null;
}

export const AssessmentOrderFieldEnum = asEnum(['RANK', 'INDEX', 'REGION_CODE', 'PERIOD', 'CHANGE'] as const);
export type AssessmentOrderField = keyof typeof AssessmentOrderFieldEnum;
registerEnumType(AssessmentOrderFieldEnum, {
  name: 'AssessmentOrderField',
  description: 'The fields a list of Assessment records sorts by; ties are broken by id, so pages are stable.',
});

@InputType({ description: 'How to sort a list of assessments: a field and a direction.' })
export class AssessmentOrder {
  @Field(() => AssessmentOrderFieldEnum) field!: AssessmentOrderField;
  @Field(() => SortDirectionEnum) direction!: SortDirection;
}

@InputType({
  description: 'Which assessments to list; every condition given must hold. Anonymous callers and tokens see published assessments only.',
})
export class AssessmentFilter {
  @Field(() => String, { nullable: true }) period?: string | null;
  @GlobalIdField('Region', { nullable: true, description: 'The children of this region (the dashboard’s drill-down).' }) parentId?:
    string | null;
  @GlobalIdField('Region', { nullable: true, description: 'This region only (a trend over periods).' }) regionId?: string | null;
  @GlobalIdField('MethodologyVersion', { nullable: true, description: 'Default: the active version.' }) methodologyVersionId?:
    string | null;
  @Field(() => GradeEnum, { nullable: true }) grade?: harmony.GradeCode | null;
  @Field(() => Boolean, { nullable: true }) published?: boolean | null;
}

@ArgsType()
export class AssessmentListArgs {
  @Field(() => AssessmentFilter, { nullable: true }) filter?: AssessmentFilter | null;
  @Field(() => AssessmentOrder, { nullable: true }) orderBy?: AssessmentOrder | null;
}

@InputType({ description: 'Which alerts to list; every condition given must hold.' })
export class AlertFilter {
  @Field(() => AlertStatusEnum, { nullable: true }) status?: AlertStatus | null;
  @Field(() => AlertKindEnum, { nullable: true, description: 'Only alerts of this rule' }) kind?: harmony.AlertKind | null;
  @Field(() => String, { nullable: true, description: 'Only alerts whose run of breaches covers this period' }) period?: string | null;
  @GlobalIdField('Region', { nullable: true, description: 'This region and those under it.' }) withinId?: string | null;
  @GlobalIdField('MethodologyVersion', { nullable: true, description: 'Default: the active version.' }) methodologyVersionId?:
    string | null;
}

export const AlertOrder = OrderType('Alert', ['RAISED_AT', 'PERIOD', 'STATUS'] as const);
export type AlertOrder = InstanceType<typeof AlertOrder>;

@ArgsType()
export class AlertListArgs {
  @Field(() => AlertFilter, { nullable: true }) filter?: AlertFilter | null;
  @Field(() => AlertOrder, { nullable: true, description: 'Default: newest first' }) orderBy?: AlertOrder | null;
}

@InputType({
  description: 'A Monte Carlo sensitivity analysis: how robust the ranking of a region’s children in a period is to the weights.',
})
export class SensitivityRunInput {
  @Field(() => String) period!: string;
  @GlobalIdField('Region', { description: 'Rank the children of this region.' }) parentId!: string;
  @Field(() => Int, { nullable: true, description: '1 to 20,000; default 1,000' }) @IsOptional() @Min(1) @Max(20_000) runs?: number | null;
  @Field(() => Float, { nullable: true, description: '± share of each weight, 0 to 0.9; default 0.25' })
  @IsOptional()
  @Min(0)
  @Max(0.9)
  perturbation?: number | null;
  @Field(() => Int, { nullable: true }) seed?: number | null;
}
