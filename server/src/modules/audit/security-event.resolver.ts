import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { SecurityEvent } from './security-event.entity';
import { SecurityEventListArgs, SecurityLogService } from './security-log.service';

export const SecurityEventConnection = ConnectionType(SecurityEvent, 'SecurityEvent');

@Resolver(() => SecurityEvent)
export class SecurityEventResolver {
  constructor(private readonly securityLog: SecurityLogService) {}

  @Query(() => SecurityEventConnection, {
    description:
      'The security log of your jurisdiction (auditors): sign-ins, failed and throttled attempts, refused requests; newest first',
  })
  @Allow('read', 'SecurityEvent')
  securityEvents(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: SecurityEventListArgs) {
    return this.securityLog.list(context, page, args);
  }
}
