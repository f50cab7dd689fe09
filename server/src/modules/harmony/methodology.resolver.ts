import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { CreateMethodologyVersionInput } from './dto/harmony.inputs';
import { AlertRuleView, GradeBandView, IndicatorSettingView } from './dto/harmony.outputs';
import { AggregationMethodEnum } from './harmony-enums';
import { MethodologyVersion } from './methodology-version.entity';
import { MethodologyService } from './methodology.service';
import type { harmony } from '@massline/shared';

export const MethodologyVersionConnection = ConnectionType(MethodologyVersion, 'MethodologyVersion');

@Resolver(() => MethodologyVersion)
export class MethodologyResolver {
  constructor(private readonly service: MethodologyService) {}

  @Query(() => MethodologyVersionConnection, { description: 'Every methodology version, newest first, public' })
  @Public()
  methodologyVersions(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.list(context, page);
  }

  @Query(() => MethodologyVersion, {
    nullable: true,
    description:
      'A methodology version by id, or the active one. Null, with an error at its path, if there is none or you may not read it: the rest of the response stands.',
  })
  @Public()
  methodologyVersion(
    @Ctx() context: RequestContext,
    @IdArg('MethodologyVersion', 'id', { nullable: true, description: 'The version; omitted: the active one.' }) id: string | null,
  ) {
    return this.service.get(context, id);
  }

  @Mutation(() => MethodologyVersion, { description: 'Creates a new version (a version never changes)' })
  @Allow('create', 'MethodologyVersion')
  createMethodologyVersion(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateMethodologyVersionInput, {
      description: 'The version: indicators and weights, aggregation, grade bands and alert rules.',
    })
    input: CreateMethodologyVersionInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => MethodologyVersion, { description: 'Makes a version the active one and computes every observed period under it' })
  @Allow('update', 'MethodologyVersion')
  activateMethodologyVersion(
    @Ctx() context: RequestContext,
    @IdArg('MethodologyVersion', 'id', { description: 'The version to make active.' }) id: string,
  ) {
    return this.service.activate(context, id);
  }

  @Mutation(() => Int, {
    description: 'Recomputes the assessments of a version (default: active), for one period or all; returns how many',
  })
  @Allow('update', 'MethodologyVersion')
  recomputeAssessments(
    @Ctx() context: RequestContext,
    @IdArg('MethodologyVersion', 'methodologyVersionId', { nullable: true, description: 'Default: the active version.' }) id: string | null,
    @Arg('period', () => String, { nullable: true, description: 'Only this period (2026, 2026-Q3, 2026-07); none: every observed period.' })
    period: string | null,
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
