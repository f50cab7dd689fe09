import { GlobalIdField } from '../../../common/global-id';
import { Node } from '../../../common/node';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { harmony } from '@massline/shared';
import { RegionLevelEnum } from '../../../common/graphql-enums';
import type { RegionLevel } from '@massline/shared';
import {
  AggregationMethodEnum,
  AlertKindEnum,
  AssessmentMethodEnum,
  GradeEnum,
  IndicatorDirectionEnum,
  NormalizationKindEnum,
  ObservationMethodEnum,
  SensitivityStatusEnum,
  type AssessmentMethod,
  type ObservationMethod,
  type SensitivityStatus,
} from '../harmony-enums';
import { Observation } from '../observation.entity';

@ObjectType({ description: 'A region as a list row carries it (no extra query)' })
export class RegionSummary {
  @GlobalIdField('Region', { output: true, description: 'The global id of the Region: region(id:) or node(id:) fetches it whole.' })
  id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => RegionLevelEnum) level!: RegionLevel;
  @Field(() => String) path!: string;
  @GlobalIdField('Region', { output: true, nullable: true, description: 'The global id of its parent Region; null for the root.' })
  parentId!: string | null;
}

@ObjectType({ description: "One indicator's part in an assessment" })
export class IndicatorScore {
  @Field(() => String) code!: string;
  @Field(() => Float, { nullable: true, description: 'The value, in the indicator’s unit' }) rawValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'On 0–100 (1–100 for geometric aggregation)' }) normalizedScore!: number | null;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { nullable: true, description: 'The weight after re-normalizing over the indicators present' }) effectiveWeight!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Points of the index this indicator contributes' }) contribution!: number | null;
  @Field(() => Boolean) pastRedLine!: boolean;
  @Field(() => Boolean, { description: 'The value was clipped by declared winsorisation' }) winsorised!: boolean;
}

@ObjectType({ description: 'An assessment as published: the figures the public sees until a revision is published' })
export class AssessmentReleaseView {
  @Field(() => Int, { description: '1 for the first publication, then one more for each revision' }) revision!: number;
  @Field(() => Float, { nullable: true }) index!: number | null;
  @Field(() => GradeEnum, { nullable: true }) grade!: harmony.GradeCode | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => Date) publishedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who published it (its jurisdiction’s organization and auditors only)' })
  publishedBy!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What the revision changed, as its publisher wrote it (none for a first publication)',
  })
  note!: string | null;
}

@ObjectType({ description: 'The figure a revision replaced' })
export class ReplacedReleaseView {
  @Field(() => Float, { nullable: true }) index!: number | null;
  @Field(() => GradeEnum, { nullable: true }) grade!: harmony.GradeCode | null;
  @Field(() => Date) publishedAt!: Date;
}

@ObjectType({ description: 'The harmony index of a region for a period, under a methodology version' })
export class AssessmentView {
  @Field(() => ID) id!: string;
  @Field(() => RegionSummary) region!: RegionSummary;
  @Field(() => String) period!: string;
  @Field(() => Float, { nullable: true, description: '0–100; null when no indicator has a value' }) index!: number | null;
  @Field(() => GradeEnum, { nullable: true }) grade!: harmony.GradeCode | null;
  @Field(() => Float, { description: 'Share of the weight with a value (or of the population, when rolled up)' }) coverage!: number;
  @Field(() => Boolean, { description: 'Coverage reaches the methodology’s threshold' }) complete!: boolean;
  @Field(() => AssessmentMethodEnum) method!: AssessmentMethod;
  @Field(() => Int, { nullable: true, description: 'Among the sibling regions, 1 best' }) rank!: number | null;
  @Field(() => Int, { nullable: true }) siblingCount!: number | null;
  @Field(() => Float, { nullable: true }) previousIndex!: number | null;
  @Field(() => Float, { nullable: true, description: 'index − previousIndex' }) change!: number | null;
  @Field(() => [IndicatorScore]) scores!: IndicatorScore[];
  @Field(() => [String], { description: 'Indicators without a value (never counted as zero)' }) missing!: string[];
  @GlobalIdField('MethodologyVersion', { output: true, description: 'The global id of the methodology version it was computed under.' })
  methodologyVersionId!: string;
  @Field(() => Int) methodologyVersion!: number;
  @Field(() => Boolean) published!: boolean;
  @Field(() => AssessmentReleaseView, {
    nullable: true,
    description:
      'The published release: its figures are those shown to anybody outside the jurisdiction until a revision is published; null until published',
  })
  release!: AssessmentReleaseView | null;
  @Field(() => ReplacedReleaseView, { nullable: true, description: 'The release the current one revised, if it is a revision' })
  previousRelease!: ReplacedReleaseView | null;
  @Field(() => Boolean, {
    description: 'The working figures differ from the published release (a correction or recomputation): a revision awaits publication',
  })
  pendingRevision!: boolean;
  @Field(() => Date) computedAt!: Date;
}

@ObjectType({
  description: 'A bad row of an import (or the file refused as a whole, on its line), in English and as a code with parameters',
})
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' }) line!: number;
  @Field(() => String, { description: 'Why, in English' }) reason!: string;
  @Field(() => String, { description: 'The error reason the same refusal has in a form (INVALID_PERIOD, UNKNOWN_INDICATOR…)' })
  errorReason!: string;
  @Field(() => String, { nullable: true, description: 'The column blamed (region_code, period, indicator, value…), if one is' })
  column!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, as a problem code (OUT_OF_RANGE, NO_SUCH_REGION…) for clients to word' })
  problem!: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The problem's parameters: numbers and codes ({ indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 })",
  })
  params!: Readonly<Record<string, string | number>> | null;
}

@ObjectType({ description: 'What an import did: every row written, or none and every bad row with why' })
export class ObservationImportReport {
  @Field(() => Boolean, { description: 'True when every row was valid and all were written' }) accepted!: boolean;
  @Field(() => Int) rowCount!: number;
  @Field(() => Int, { description: 'Rows written (0 unless accepted)' }) written!: number;
  @Field(() => Int, { description: 'Of those, corrections of an existing value' }) corrected!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
  @Field(() => [String], { description: 'Periods whose assessments were recomputed' }) recomputedPeriods!: string[];
}

@ObjectType({ description: 'The Lorenz curve fitted to income shares when the Gini coefficient is computed from quintiles or deciles.' })
export class LorenzFit {
  @Field(() => Float) a!: number;
  @Field(() => Float) b!: number;
  @Field(() => Float) c!: number;
  @Field(() => Boolean) valid!: boolean;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ description: 'A Gini coefficient computed by the platform, stored as the GINI observation' })
export class GiniResult {
  @Field(() => Float) gini!: number;
  @Field(() => ObservationMethodEnum, { description: 'GINI_MICRODATA, GINI_LORENZ_QUADRATIC or GINI_LINEAR_INTERPOLATION (a lower bound)' })
  method!: ObservationMethod;
  @Field(() => Int, { nullable: true, description: 'Households read from the microdata' }) households!: number | null;
  @Field(() => LorenzFit, { nullable: true }) fit!: LorenzFit | null;
  @Field(() => [String], { description: 'Why the Lorenz-quadratic fit was not used' }) fallbackReasons!: string[];
  @Field(() => Observation) observation!: Observation;
}

@ObjectType({ description: 'How one indicator enters a methodology version: its weight, direction, normalization and red line.' })
export class IndicatorSettingView {
  @Field(() => String) code!: string;
  @Field(() => IndicatorDirectionEnum) direction!: harmony.IndicatorDirection;
  @Field(() => Float) weight!: number;
  @Field(() => NormalizationKindEnum) normalization!: harmony.NormalizationKind;
  @Field(() => Float, { nullable: true }) lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;
  @Field(() => Float, { nullable: true }) redLine!: number | null;
}

@ObjectType({ description: 'One named band of the index: from its minimum (0–100) up to the next band’s.' })
export class GradeBandView {
  @Field(() => GradeEnum) code!: harmony.GradeCode;
  @Field(() => Float) minimum!: number;
}

@ObjectType({ description: 'One rule of a methodology version that raises alerts.' })
export class AlertRuleView {
  @Field(() => AlertKindEnum) kind!: harmony.AlertKind;
  @Field(() => Float, { nullable: true }) threshold!: number | null;
  @Field(() => Float, { nullable: true }) points!: number | null;
}

@ObjectType({ description: 'A statistical check of the indicators of a period (OECD/JRC, COINr)' })
export class IndicatorCheck {
  @Field(() => String) code!: string;
  @Field(() => Int, { description: 'Regions with a value' }) observed!: number;
  @Field(() => Int) regions!: number;
  @Field(() => Float) coverage!: number;
  @Field(() => Boolean, { description: 'Coverage below the methodology’s threshold' }) lowCoverage!: boolean;
  @Field(() => Float, { nullable: true }) skewness!: number | null;
  @Field(() => Float, { nullable: true, description: 'Excess kurtosis' }) kurtosis!: number | null;
  @Field(() => Boolean, { description: '|skew| > 2 and kurtosis > 3.5: outliers' }) outliers!: boolean;
}

@ObjectType({ description: 'Two indicators whose values correlate (Pearson) among the regions checked: a sign of double counting.' })
export class CorrelatedPairView {
  @Field(() => String) first!: string;
  @Field(() => String) second!: string;
  @Field(() => Float) correlation!: number;
  @Field(() => Int) observations!: number;
}

@ObjectType({
  description:
    'The statistical checks of a period’s indicators among the regions of a level (OECD/JRC handbook): outliers, correlated pairs, coverage.',
})
export class StatisticalChecks {
  @Field(() => String) period!: string;
  @Field(() => Int) methodologyVersion!: number;
  @Field(() => [IndicatorCheck]) indicators!: IndicatorCheck[];
  @Field(() => [CorrelatedPairView], { description: 'Pairs correlated above 0.9 (double counting)' })
  correlatedPairs!: CorrelatedPairView[];
}

@ObjectType({
  description:
    'The rank of one region among its siblings, nominal and under perturbed weights: median and 5th–95th percentile ranks (1 is best).',
})
export class RankInterval {
  @Field(() => RegionSummary) region!: RegionSummary;
  @Field(() => Float, { nullable: true }) nominalIndex!: number | null;
  @Field(() => Int, { nullable: true }) nominalRank!: number | null;
  @Field(() => Float, { nullable: true }) medianRank!: number | null;
  @Field(() => Float, { nullable: true }) percentile5Rank!: number | null;
  @Field(() => Float, { nullable: true }) percentile95Rank!: number | null;
}

@ObjectType({ implements: Node, description: 'A Monte Carlo perturbation of the weights, running or done' })
export class SensitivityRun implements Node {
  @Field(() => ID) id!: string;
  @Field(() => SensitivityStatusEnum) status!: SensitivityStatus;
  @Field(() => Float, { description: '0 to 1' }) progress!: number;
  @Field(() => String) period!: string;
  @Field(() => Int) runs!: number;
  @Field(() => Float) perturbation!: number;
  @Field(() => Int) seed!: number;
  @Field(() => AggregationMethodEnum) aggregation!: harmony.AggregationMethod;
  @Field(() => [RankInterval], { description: 'Empty until done' }) regions!: RankInterval[];
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) startedAt!: Date;
}
