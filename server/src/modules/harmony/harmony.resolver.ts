import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RegionLevelEnum } from '../../common/graphql-enums';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import type { RegionLevel } from '@massline/shared';
import { Region } from '../regions/region.entity';
import { Alert } from './alert.entity';
import { AlertService } from './alert.service';
import { AssessmentService } from './assessment.service';
import {
  AlertListArgs,
  AssessmentListArgs,
  CreateIndicatorInput,
  CreateMethodologyVersionInput,
  GiniFromMicrodataInput,
  GiniFromSharesInput,
  ObservationListArgs,
  ObservationFilter,
  RecordObservationInput,
  SensitivityRunInput,
} from './dto/harmony.inputs';
import {
  AlertRuleView,
  AssessmentView,
  GiniResult,
  GradeBandView,
  IndicatorSettingView,
  ObservationImportReport,
  SensitivityRun,
  StatisticalChecks,
} from './dto/harmony.outputs';
import { GiniService } from './gini.service';
import { AggregationMethodEnum } from './harmony-enums';
import { Indicator } from './indicator.entity';
import { IndicatorService } from './indicator.service';
import { MethodologyVersion } from './methodology-version.entity';
import { MethodologyService } from './methodology.service';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';
import { ObservationService } from './observation.service';
import { SensitivityService } from './sensitivity.service';
import type { harmony } from '@massline/shared';

export const IndicatorConnection = ConnectionType(Indicator, 'Indicator');
export const ObservationConnection = ConnectionType(Observation, 'Observation');
export const MethodologyVersionConnection = ConnectionType(MethodologyVersion, 'MethodologyVersion');
export const AssessmentConnection = ConnectionType(AssessmentView, 'Assessment');
export const AlertConnection = ConnectionType(Alert, 'Alert');

@Resolver(() => Indicator)
export class IndicatorResolver {
  constructor(private readonly service: IndicatorService) {}

  @Query(() => IndicatorConnection, { description: 'The indicator catalogue, public' })
  @Public()
  indicators(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.list(context, page);
  }

  @Mutation(() => Indicator, { description: 'Adds an indicator to the catalogue (root organization)' })
  @Allow('create', 'Indicator')
  createIndicator(@Ctx() context: RequestContext, @Arg('input', () => CreateIndicatorInput) input: CreateIndicatorInput) {
    return this.service.create(context, input);
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  constructor(
    private readonly service: ObservationService,
    private readonly gini: GiniService,
  ) {}

  @Query(() => ObservationConnection, { description: 'Observations of your jurisdiction (raw data)' })
  @Allow('read', 'Observation')
  observations(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: ObservationListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => [ObservationRevision], { description: 'Earlier values of an observation, newest first' })
  @Allow('read', 'Observation')
  observationRevisions(@Ctx() context: RequestContext, @Arg('observationId', () => ID) observationId: string) {
    return this.service.revisions(context, observationId);
  }

  @Query(() => String, { description: 'The observations of a filter as CSV, in the import’s columns' })
  @Allow('read', 'Observation')
  @Cost(10_000) // up to MAX_IMPORT_ROWS rows written out: two exports per request at most
  observationsCsv(
    @Ctx() context: RequestContext,
    @Arg('filter', () => ObservationFilter, { nullable: true }) filter: ObservationFilter | null,
  ) {
    return this.service.exportCsv(context, filter);
  }

  @Mutation(() => Observation, { description: 'Records (or corrects) one observation; assessments are recomputed' })
  @Allow('create', 'Observation')
  recordObservation(@Ctx() context: RequestContext, @Arg('input', () => RecordObservationInput) input: RecordObservationInput) {
    return this.service.record(context, input);
  }

  @Mutation(() => ObservationImportReport, { description: 'Imports a CSV of observations: every row, or none and every bad row with why' })
  @Allow('create', 'Observation')
  importObservations(@Ctx() context: RequestContext, @Arg('csv', () => String) csv: string) {
    return this.service.importCsv(context, csv);
  }

  @Mutation(() => GiniResult, { description: 'Computes the Gini coefficient from household incomes (CSV) and records it' })
  @Cost(2_000) // parses and sorts up to a million incomes
  @Allow('create', 'Observation')
  computeGiniFromMicrodata(@Ctx() context: RequestContext, @Arg('input', () => GiniFromMicrodataInput) input: GiniFromMicrodataInput) {
    return this.gini.fromMicrodata(context, input);
  }

  @Mutation(() => GiniResult, { description: 'Computes the Gini coefficient from quintile or decile shares and records it' })
  @Allow('create', 'Observation')
  computeGiniFromShares(@Ctx() context: RequestContext, @Arg('input', () => GiniFromSharesInput) input: GiniFromSharesInput) {
    return this.gini.fromShares(context, input);
  }

  @FieldResolver(() => Region)
  region(@Root() observation: Observation, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, observation.region);
  }

  @FieldResolver(() => String)
  indicatorCode(@Root() observation: Observation): string {
    return observation.indicator.code;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who entered the current value' })
  enteredByLabel(@Root() observation: Observation): string | null {
    return observation.enteredBy?.email ?? null;
  }
}

@Resolver(() => MethodologyVersion)
export class MethodologyResolver {
  constructor(private readonly service: MethodologyService) {}

  @Query(() => MethodologyVersionConnection, { description: 'Every methodology version, newest first, public' })
  @Public()
  methodologyVersions(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.list(context, page);
  }

  @Query(() => MethodologyVersion, { description: 'A version by id, or the active one' })
  @Public()
  methodologyVersion(@Ctx() context: RequestContext, @Arg('id', () => ID, { nullable: true }) id: string | null) {
    return this.service.get(context, id);
  }

  @Mutation(() => MethodologyVersion, { description: 'Creates a new version (a version never changes)' })
  @Allow('create', 'MethodologyVersion')
  createMethodologyVersion(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateMethodologyVersionInput) input: CreateMethodologyVersionInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => MethodologyVersion, { description: 'Makes a version the active one and computes every observed period under it' })
  @Allow('update', 'MethodologyVersion')
  activateMethodologyVersion(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.activate(context, id);
  }

  @Mutation(() => Int, {
    description: 'Recomputes the assessments of a version (default: active), for one period or all; returns how many',
  })
  @Allow('update', 'MethodologyVersion')
  recomputeAssessments(
    @Ctx() context: RequestContext,
    @Arg('methodologyVersionId', () => ID, { nullable: true }) id: string | null,
    @Arg('period', () => String, { nullable: true }) period: string | null,
  ) {
    return this.service.recompute(context, id, period);
  }

  @FieldResolver(() => [IndicatorSettingView])
  indicators(@Root() version: MethodologyVersion): IndicatorSettingView[] {
    return version.settings.indicators.map((indicator) => ({
      code: indicator.code,
      direction: indicator.direction,
      weight: indicator.weight,
      normalization: indicator.normalization.kind,
      lower: indicator.normalization.kind === 'GOALPOSTS' ? indicator.normalization.lower : null,
      upper: indicator.normalization.kind === 'GOALPOSTS' ? indicator.normalization.upper : null,
      redLine: indicator.redLine ?? null,
    }));
  }

  @FieldResolver(() => AggregationMethodEnum)
  aggregation(@Root() version: MethodologyVersion): harmony.AggregationMethod {
    return version.settings.aggregation;
  }

  @FieldResolver(() => [GradeBandView])
  gradeBands(@Root() version: MethodologyVersion): GradeBandView[] {
    return (version.settings.gradeBands ?? []).map((band) => ({ code: band.code, minimum: band.minimum }));
  }

  @FieldResolver(() => Float)
  coverageThreshold(@Root() version: MethodologyVersion): number {
    return version.settings.coverageThreshold ?? 0.65;
  }

  @FieldResolver(() => [AlertRuleView])
  alertRules(@Root() version: MethodologyVersion): AlertRuleView[] {
    return version.alertRules.map((rule) => ({
      kind: rule.kind,
      threshold: rule.kind === 'INDEX_BELOW' ? rule.threshold : null,
      points: rule.kind === 'FALL_SINCE_PREVIOUS' ? rule.points : null,
    }));
  }
}

@Resolver(() => AssessmentView)
export class AssessmentResolver {
  constructor(
    private readonly service: AssessmentService,
    private readonly sensitivity: SensitivityService,
  ) {}

  @Query(() => AssessmentConnection, {
    description: 'Harmony index assessments: published ones for everybody, all of your jurisdiction for its organization and auditors',
  })
  @Public()
  assessments(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AssessmentListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => StatisticalChecks, {
    description: 'Skew/kurtosis, correlation and coverage checks of a period’s indicators among the regions of a level',
  })
  @Allow('read', 'Observation')
  @Cost(2_000) // reads and correlates every observation of a period and level
  statisticalChecks(
    @Ctx() context: RequestContext,
    @Arg('period', () => String) period: string,
    @Arg('level', () => RegionLevelEnum) level: RegionLevel,
    @Arg('methodologyVersionId', () => ID, { nullable: true }) versionId: string | null,
  ) {
    return this.service.checks(context, period, level, versionId);
  }

  @Mutation(() => Int, { description: 'Publishes the active version’s assessments of a period in a region’s subtree; returns how many' })
  @Allow('publish', 'Assessment')
  publishAssessments(
    @Ctx() context: RequestContext,
    @Arg('period', () => String) period: string,
    @Arg('regionId', () => ID) regionId: string,
  ) {
    return this.service.publish(context, period, regionId);
  }

  @Query(() => SensitivityRun, { nullable: true, description: 'A sensitivity run you started' })
  @Allow('read', 'SensitivityRun')
  sensitivityRun(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.sensitivity.get(context, id);
  }

  @Mutation(() => SensitivityRun, { description: 'Starts a Monte Carlo perturbation of the weights; poll sensitivityRun for progress' })
  @Allow('create', 'SensitivityRun')
  startSensitivityRun(@Ctx() context: RequestContext, @Arg('input', () => SensitivityRunInput) input: SensitivityRunInput) {
    return this.sensitivity.start(context, input);
  }
}

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Query(() => AlertConnection, { description: 'Prompts and warnings of your jurisdiction, newest first' })
  @Allow('read', 'Alert')
  alerts(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AlertListArgs) {
    return this.service.list(context, page, args);
  }

  @Mutation(() => Alert)
  @Allow('update', 'Alert')
  acknowledgeAlert(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.transition(context, id, 'ACKNOWLEDGED', null);
  }

  @Mutation(() => Alert)
  @Allow('update', 'Alert')
  resolveAlert(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string) {
    return this.service.transition(context, id, 'RESOLVED', note);
  }

  @FieldResolver(() => Region)
  region(@Root() alert: Alert, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, alert.region);
  }

  @FieldResolver(() => String, { nullable: true })
  indicatorCode(@Root() alert: Alert): string | null {
    return alert.indicatorCode || null;
  }

  @FieldResolver(() => Int, { description: 'The methodology version whose rules raised it' })
  methodologyVersion(@Root() alert: Alert): number {
    return alert.methodologyVersion.version;
  }
}
