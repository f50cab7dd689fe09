import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { Alert } from './alert.entity';
import { AlertService } from './alert.service';
import { AlertListArgs } from './dto/harmony.inputs';

export const AlertConnection = ConnectionType(Alert, 'Alert');

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Query(() => AlertConnection, { description: 'Prompts and warnings of your jurisdiction, newest first' })
  @Allow('read', 'Alert')
  alerts(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AlertListArgs) {
    return this.service.list(context, page, args);
  }

  @Mutation(() => Alert, {
    description: 'Marks an open alert of your jurisdiction as being dealt with; CONFLICT if someone changed it first',
  })
  @Allow('update', 'Alert')
  acknowledgeAlert(@Ctx() context: RequestContext, @IdArg('Alert', 'id', { description: 'The open alert.' }) id: string) {
    return this.service.transition(context, id, 'ACKNOWLEDGED', null);
  }

  @Mutation(() => Alert, {
    description: 'Closes an open or acknowledged alert of your jurisdiction with a note saying how it was resolved',
  })
  @Allow('update', 'Alert')
  resolveAlert(
    @Ctx() context: RequestContext,
    @IdArg('Alert', 'id', { description: 'The open or acknowledged alert.' }) id: string,
    @Arg('note', () => String, { description: 'How it was resolved (required, shown in the alert and the audit log).' }) note: string,
  ) {
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
