import { IdArg } from '../../common/global-id';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RegionLevelEnum } from '../../common/graphql-enums';
import { Cost } from '../../common/query-cost';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { RegionLevel } from '@massline/shared';
import { partsSelected } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { selectedFields } from '../../common/selection';
import { AssessmentListArgs, SensitivityRunInput } from './dto/harmony.inputs';
import { AssessmentView, SensitivityRun, StatisticalChecks } from './dto/harmony.outputs';
import { SensitivityService } from './sensitivity.service';

export const AssessmentConnection = ConnectionType(AssessmentView, 'Assessment');

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
  assessments(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AssessmentListArgs, @Info() info: GraphQLResolveInfo) {
    // The rows' columns that the selection reads, only (the dashboard's hot path: fewer bytes, fewer objects).
    const row = ['edges', 'node'];
    const parts = partsSelected(
      selectedFields(info, row),
      selectedFields(info, [...row, 'region']),
      selectedFields(info, [...row, 'release']),
    );
    return this.service.list(context, page, args, parts);
  }

  @Query(() => StatisticalChecks, {
    nullable: true,
    description:
      'Skew/kurtosis, correlation and coverage checks of a period’s indicators among the regions of a level. Null, with an error at its path, if the methodology version does not exist or you may not read raw data.',
  })
  @Allow('read', 'Observation')
  @Cost(2_000) // reads and correlates every observation of a period and level
  statisticalChecks(
    @Ctx() context: RequestContext,
    @Arg('period', () => String, { description: 'A year, quarter or month: 2026, 2026-Q3, 2026-07.' }) period: string,
    @Arg('level', () => RegionLevelEnum, { description: 'The level of the regions compared.' }) level: RegionLevel,
    @IdArg('MethodologyVersion', 'methodologyVersionId', { nullable: true, description: 'Default: the active version.' })
    versionId: string | null,
  ) {
    return this.service.checks(context, period, level, versionId);
  }

  @Mutation(() => Int, {
    description:
      'Publishes the active version’s assessments of a period in a region’s subtree: those never published, and as revisions those changed since their release (a revision needs a note); returns how many',
  })
  @Allow('publish', 'Assessment')
  publishAssessments(
    @Ctx() context: RequestContext,
    @Arg('period', () => String, { description: 'A year, quarter or month: 2026, 2026-Q3, 2026-07.' }) period: string,
    @IdArg('Region', 'regionId', { description: 'The region whose subtree is published.' }) regionId: string,
    @Arg('note', () => String, { nullable: true, description: 'What the revision changed, shown to the public with it' })
    note: string | null,
  ) {
    return this.service.publish(context, period, regionId, note ?? null);
  }

  @Query(() => SensitivityRun, { nullable: true, description: 'A sensitivity run you started' })
  @Allow('read', 'SensitivityRun')
  sensitivityRun(
    @Ctx() context: RequestContext,
    @IdArg('SensitivityRun', 'id', { description: 'The run, as startSensitivityRun gave it.' }) id: string,
  ) {
    return this.sensitivity.get(context, id);
  }

  @Mutation(() => SensitivityRun, { description: 'Starts a Monte Carlo perturbation of the weights; poll sensitivityRun for progress' })
  @Allow('create', 'SensitivityRun')
  startSensitivityRun(
    @Ctx() context: RequestContext,
    @Arg('input', () => SensitivityRunInput, { description: 'The period, the parent region and the perturbation.' })
    input: SensitivityRunInput,
  ) {
    return this.sensitivity.start(context, input);
  }
}
