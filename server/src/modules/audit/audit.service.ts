import { AnyGlobalId, GlobalIdField } from '../../common/global-id';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { scoped } from '../../common/ability-filter';
import { OrderType, type Connection, type PageArgs } from '../../common/connection';
import type { DomainEvent } from '../../common/domain-events';
import type { RequestContext } from '../../common/request-context';
import type { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';

@InputType({ description: 'Which audit entries to list; every condition given must hold.' })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: 'Exact action, e.g. user.create' })
  @IsOptional()
  @MaxLength(64)
  action?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the subject: its global id, or the uuid subjectId shows.' })
  @AnyGlobalId()
  @IsOptional()
  @MaxLength(64)
  subjectId?: string | null;

  @GlobalIdField(['User', 'ApiToken'], { nullable: true, description: 'Only what this user or API token did.' })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this time (inclusive)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive)' })
  to?: Date | null;
}

export const AuditEntryOrder = OrderType('AuditEntry', ['OCCURRED_AT', 'ACTION'] as const);
export type AuditEntryOrder = InstanceType<typeof AuditEntryOrder>;

@ArgsType()
export class AuditEntryListArgs {
  @Field(() => AuditEntryFilter, { nullable: true })
  filter?: AuditEntryFilter | null;

  @Field(() => AuditEntryOrder, { nullable: true, description: 'Default: newest first' })
  orderBy?: AuditEntryOrder | null;
}

/**
 * The audit log: written by listening to domain events (never by hand in services), read by auditors and
 * by organizations for their jurisdiction, newest first. Nobody edits it; the database refuses to.
 */
export class AuditService {
  /** Records the events of one publication, one entry each: the audit module's listener (audit.module.ts), first of all. */
  async record(em: EntityManager, context: RequestContext, events: readonly DomainEvent[]): Promise<void> {
    const { principal } = context;
    const entries = new AuditEntryRepository(em);
    // A platform-wide change (indicator catalogue, methodology) belongs to the root region's jurisdiction:
    // its organization and auditors read it, nobody else.
    const rootPath = events.some((event) => event.regionPath === null) ? await entries.rootPath() : null;
    await entries.appendAll(
      events.map((event) => ({
        actorKind: principal.kind === 'API_TOKEN' ? 'API_TOKEN' : principal.kind,
        actorId: principal.kind === 'ANONYMOUS' ? null : principal.id,
        actorLabel: context.actorLabel,
        actorRole: principal.kind === 'ANONYMOUS' ? null : principal.role,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        regionPath: event.regionPath ?? rootPath,
        before: event.before ?? null,
        after: event.after ?? null,
        requestId: context.requestId,
        clientRequestId: context.clientRequestId,
      })),
    );
  }

  list(context: RequestContext, page: PageArgs, { filter, orderBy }: AuditEntryListArgs): Promise<Connection<AuditEntry>> {
    const entries = new AuditEntryRepository(context.em);
    return entries.page(scoped(context.ability, 'read', 'AuditEntry', entries.requestedFilter(filter)), page, orderBy);
  }
}
