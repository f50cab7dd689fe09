import type { EntityManager } from '@mikro-orm/postgresql';
import type { notifications } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { startsWithPattern } from '../../common/text-search';
import { Notification } from './notification.entity';

/** What a notification says: the same for everyone it is sent to. */
export interface NotificationMessage {
  kind: notifications.NotificationKind;
  params: notifications.NotificationParams;
  /** The campaign or notice it is about (a uuid). */
  subjectId: string | null;
}

/** The query side of notifications, on the entity manager it is given (the caller's transaction when it notifies). */
export class NotificationRepository {
  constructor(private readonly em: EntityManager) {}

  /** A page of notifications (`where` carries whose), the newest first. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<Notification>> {
    const order = orderFor<'CREATED_AT', Notification>(
      'notifications',
      null,
      { field: 'CREATED_AT', direction: 'DESC' },
      { CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (notification) => notification.createdAt)] },
      byId,
    );
    return paginate(this.em, Notification, where, page, order);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await sql<{ count: number }>(
      this.em,
      'select count(*)::int as count from notification where user_id = ? and read_at is null',
      [userId],
    );
    return row.count;
  }

  /** The person's notifications of these ids (another's are not found, as if they did not exist). */
  findOwn(userId: string, ids: readonly string[]): Promise<Notification[]> {
    return this.em.find(Notification, { id: { $in: [...ids] }, user: userId }, { refresh: true });
  }

  /** Marks the person's unread notifications of these ids (all of them: null) read now; returns how many. */
  markRead(userId: string, ids: readonly string[] | null): Promise<number> {
    return this.em.nativeUpdate(
      Notification,
      { user: userId, readAt: null, ...(ids ? { id: { $in: [...ids] } } : {}) },
      { readAt: new Date() },
    );
  }

  /**
   * One `INSERT … SELECT` for every active, verified citizen resident in the subtree of `regionPath`
   * (but `exceptUserIds`): as cheap for a province as for a village. Returns how many were notified.
   */
  async notifyVerifiedResidents(regionPath: string, message: NotificationMessage, exceptUserIds: readonly string[]): Promise<number> {
    const [row] = await sql<{ count: number }>(
      this.em,
      `with sent as (
         insert into notification (id, user_id, kind, params, subject_id, created_at)
         select gen_random_uuid(), u.id, ?, ?::jsonb, ?::uuid, now()
           from app_user u join region r on r.id = u.region_id
          where u.role = 'CITIZEN' and u.citizen_status = 'VERIFIED' and u.active
            and r.path like ? and u.id <> all(?::uuid[])
         returning 1)
       select count(*)::int as count from sent`,
      [message.kind, JSON.stringify(message.params), message.subjectId, startsWithPattern(regionPath), [...exceptUserIds]],
    );
    return row.count;
  }

  /** One `INSERT … SELECT` for these users (those that exist and are active). Returns how many were notified. */
  async notifyUsers(userIds: readonly string[], message: NotificationMessage): Promise<number> {
    const [row] = await sql<{ count: number }>(
      this.em,
      `with sent as (
         insert into notification (id, user_id, kind, params, subject_id, created_at)
         select gen_random_uuid(), u.id, ?, ?::jsonb, ?::uuid, now()
           from app_user u where u.id = any(?::uuid[]) and u.active
         returning 1)
       select count(*)::int as count from sent`,
      [message.kind, JSON.stringify(message.params), message.subjectId, [...new Set(userIds)]],
    );
    return row.count;
  }
}
