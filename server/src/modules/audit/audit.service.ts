import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { scoped, type Filter } from '../../common/ability-filter';
import { OrderType, paginate, type Connection, type PageArgs } from '../../common/connection';
import type { DomainEvent } from '../../common/domain-events';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { AuditEntry } from './audit-entry.entity';

@InputType()
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: 'Exact action, e.g. user.create' })
  @IsOptional()
  @MaxLength(64)
  action?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  subjectType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  subjectId?: string | null;

  @Field(() => ID, { nullable: true })
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
  /** Records one event: the audit module's listener (audit.module.ts), first of all. */
  async record(em: EntityManager, context: RequestContext, event: DomainEvent): Promise<void> {
    const { principal } = context;
    await em.insert(AuditEntry, {
      id: randomUUID(),
      actorKind: principal.kind === 'API_TOKEN' ? 'API_TOKEN' : principal.kind,
      actorId: principal.kind === 'ANONYMOUS' ? null : principal.id,
      actorLabel: context.actorLabel,
      actorRole: principal.kind === 'ANONYMOUS' ? null : principal.role,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      regionPath: event.regionPath ?? (await this.platformPath(em)),
      before: event.before ?? null,
      after: event.after ?? null,
      requestId: context.requestId,
    });
  }

  /**
   * A platform-wide change (indicator catalogue, methodology) belongs to the root region's jurisdiction:
   * its organization and auditors read it, nobody else.
   */
  private async platformPath(em: EntityManager): Promise<string | null> {
    const root = await em.findOne(Region, { parent: null }, { fields: ['path'], orderBy: { createdAt: 'asc' } });
    return root?.path ?? null;
  }

  list(context: RequestContext, page: PageArgs, { filter, orderBy }: AuditEntryListArgs): Promise<Connection<AuditEntry>> {
    const requested: Filter = {};
    if (filter?.action) requested.action = filter.action;
    if (filter?.subjectType) requested.subjectType = filter.subjectType;
    if (filter?.subjectId) requested.subjectId = filter.subjectId;
    if (filter?.actorId) requested.actorId = filter.actorId;
    if (filter?.from || filter?.to) {
      requested.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    const direction = (orderBy?.direction ?? 'DESC').toLowerCase() as 'asc' | 'desc';
    const order = orderBy?.field === 'ACTION' ? { action: direction, occurredAt: 'desc' as const } : { occurredAt: direction };
    return paginate(context.em, AuditEntry, scoped(context.ability, 'read', 'AuditEntry', requested), page, order);
  }
}
