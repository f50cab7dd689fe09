import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey, type SortOrder } from '../../common/list-order';
import { Region } from '../regions/region.entity';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryFilter, AuditEntryOrder } from './audit.service';

/** Entries per INSERT statement: 11 parameters each, well under PostgreSQL's 65,535 per statement. */
const APPEND_BATCH = 1000;

/** An audit entry as it is written: everything but its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'occurredAt'>;

const occurredAt = (direction: SortOrder) => sortKey<AuditEntry>('occurredAt', direction, 'date', (entry) => entry.occurredAt);

/** The query side of the audit log, on the entity manager it is given (the change's transaction, when writing). */
export class AuditEntryRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Appends entries: one multi-row INSERT per batch of APPEND_BATCH (however many rows an import changed),
   * no entity in the identity map.
   */
  async appendAll(entries: readonly NewAuditEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += APPEND_BATCH) {
      await this.em.insertMany(
        AuditEntry,
        entries.slice(start, start + APPEND_BATCH).map((entry) => ({ id: randomUUID(), ...entry })),
      );
    }
  }

  /** The path of the root region (the first created), the jurisdiction of platform-wide changes. */
  async rootPath(): Promise<string | null> {
    const root = await this.em.findOne(Region, { parent: null }, { fields: ['path'], orderBy: { createdAt: 'asc' } });
    return root?.path ?? null;
  }

  requestedFilter(filter: AuditEntryFilter | null | undefined): Filter {
    const requested: Filter = {};
    if (filter?.action) requested.action = filter.action;
    if (filter?.subjectType) requested.subjectType = filter.subjectType;
    if (filter?.subjectId) requested.subjectId = filter.subjectId;
    if (filter?.actorId) requested.actorId = filter.actorId;
    if (filter?.from || filter?.to) {
      requested.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return requested;
  }

  /** A page of entries, the newest first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: AuditEntryOrder | null | undefined): Promise<Connection<AuditEntry>> {
    const order = orderFor<AuditEntryOrder['field'], AuditEntry>(
      'auditEntries',
      orderBy,
      { field: 'OCCURRED_AT', direction: 'DESC' },
      {
        OCCURRED_AT: (direction) => [occurredAt(direction)],
        ACTION: (direction) => [sortKey('action', direction, 'string', (entry) => entry.action), occurredAt('desc')],
      },
      byId,
    );
    return paginate(this.em, AuditEntry, where, page, order);
  }
}
