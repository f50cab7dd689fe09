import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
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

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region the subject belongs to (its regionPath), for its name; null when it no longer exists or the entry has none',
  })
  region(@Root() entry: AuditEntry, @Ctx() context: RequestContext): Promise<Region | null> | null {
    // One query per page of entries, whatever their number (the request's loader).
    return entry.regionPath ? context.loaders.regionsByPath.load(entry.regionPath) : null;
  }
}
