import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryListArgs, AuditService } from './audit.service';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log of your jurisdiction, newest first' })
  @Allow('read', 'AuditEntry')
  auditEntries(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AuditEntryListArgs) {
    return this.audit.list(context, page, args);
  }
}
