import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { CreateIndicatorInput } from './dto/harmony.inputs';
import { Indicator } from './indicator.entity';
import { IndicatorService } from './indicator.service';

export const IndicatorConnection = ConnectionType(Indicator, 'Indicator');

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
  createIndicator(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateIndicatorInput, { description: 'The indicator.' }) input: CreateIndicatorInput,
  ) {
    return this.service.create(context, input);
  }
}
