import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { CreateRegionInput, RegionListArgs, SetRegionStatisticsInput } from './dto/region.inputs';
import { RegionStatistics } from './region-statistics.entity';
import { Region } from './region.entity';
import { RegionService } from './region.service';

export const RegionConnection = ConnectionType(Region, 'Region');

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly service: RegionService) {}

  @Query(() => RegionConnection, { description: 'Regions, public' })
  @Public()
  regions(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: RegionListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Region, {
    nullable: true,
    description:
      'One region by id, public. Null, with an error at its path, if there is none or you may not read it: the rest of the response stands.',
  })
  @Public()
  region(@Ctx() context: RequestContext, @IdArg('Region', 'id', { description: 'The region.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Region, { description: 'Adds a region under one of your jurisdiction' })
  @Allow('create', 'Region')
  createRegion(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateRegionInput, { description: 'The region and its parent.' }) input: CreateRegionInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => RegionStatistics, { description: "Sets a region's population and households for a period" })
  @Allow('update', 'Region')
  setRegionStatistics(
    @Ctx() context: RequestContext,
    @Arg('input', () => SetRegionStatisticsInput, { description: 'The region, period and figures.' }) input: SetRegionStatisticsInput,
  ) {
    return this.service.setStatistics(context, input);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, region.parent);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether another region bears the same name: then show it with its parent\'s (shared regionLabel), e.g. "Chengguan Town (Dongshan County)"',
  })
  async nameRepeats(@Root() region: Region, @Ctx() context: RequestContext): Promise<boolean> {
    return (await context.loaders.regionsNamed.load(region.name)) > 1;
  }

  @FieldResolver(() => [RegionStatistics], { description: 'Population and households per period, oldest first' })
  statistics(@Root() region: Region, @Ctx() context: RequestContext) {
    return context.loaders.statisticsByRegion.load(region.id);
  }
}
