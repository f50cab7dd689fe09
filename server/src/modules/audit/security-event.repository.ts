import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { SecurityEvent } from './security-event.entity';
import type { SecurityEventFilter } from './security-log.service';

/** A security event as it is written: everything but its id and time. */
export type NewSecurityEvent = Omit<SecurityEvent, 'id' | 'occurredAt'>;

/** The security log's table. */
export class SecurityEventRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Appends an event in a statement of its own, on a fork outside any transaction of the request: a
   * refusal is recorded though the request's work is rolled back. No region: the root region's.
   */
  async append(event: NewSecurityEvent): Promise<void> {
    const em = this.em.fork();
    const regionPath =
      event.regionPath ??
      (
        await em.getConnection().execute<{ path: string }[]>(`select path from region where parent_id is null order by created_at limit 1`)
      )[0]?.path ??
      null;
    await em.insert(SecurityEvent, { id: randomUUID(), ...event, regionPath });
  }

  requestedFilter(filter: SecurityEventFilter | null | undefined): Filter {
    const requested: Filter = {};
    if (filter?.kinds?.length) requested.kind = { $in: filter.kinds };
    if (filter?.actorId) requested.actorId = filter.actorId;
    if (filter?.actorLabel) requested.actorLabel = filter.actorLabel.trim().toLowerCase();
    if (filter?.address) requested.address = filter.address;
    if (filter?.from || filter?.to) {
      requested.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return requested;
  }

  /** A page of events, newest first. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<SecurityEvent>> {
    const order = orderFor<'OCCURRED_AT', SecurityEvent>(
      'securityEvents',
      null,
      { field: 'OCCURRED_AT', direction: 'DESC' },
      { OCCURRED_AT: (direction) => [sortKey('occurredAt', direction, 'date', (event) => event.occurredAt)] },
      byId,
    );
    return paginate(this.em, SecurityEvent, where, page, order);
  }
}
