import type { EntityManager } from '@mikro-orm/postgresql';
import type { CitizenStatus, UserRole } from '@massline/shared';
import { sql } from '../../common/sql';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { Session } from './session.entity';

/** A live session's user as plain facts: what every request's authentication needs, no entity. */
export interface LiveSessionUser {
  /** Whether the session's last use was more than a minute ago (by the database's clock): time to `touch` it. */
  stale: boolean;
  id: string;
  email: string;
  role: UserRole;
  regionId: string;
  regionPath: string;
  organizationId: string | null;
  citizenStatus: CitizenStatus | null;
}

/** The query side of sessions, on the entity manager it is given. */
export class SessionRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The user behind a live session, as a plain row (one statement, nothing hydrated: it runs on every
   * request of a signed-in person): null when the session is unknown or expired, or its user or the user's
   * organization is deactivated. Read afresh each time, so a revoked session or a deactivation counts at once;
   * a prepared statement, so that PostgreSQL plans the join once per connection rather than on every request.
   */
  async findLiveUser(idHash: string): Promise<LiveSessionUser | null> {
    const [row] = await sql<LiveSessionUser>(
      this.em,
      `select s.last_seen_at < now() - interval '1 minute' as stale, u.id, u.email, u.role, r.id as "regionId", r.path as "regionPath",
              u.organization_id as "organizationId", u.citizen_status as "citizenStatus"
         from "session" s
         join app_user u on u.id = s.user_id
         join region r on r.id = u.region_id
         left join organization o on o.id = u.organization_id
        where s.id_hash = ? and s.expires_at > now() and u.active and (o.id is null or o.active)`,
      [idHash],
      { prepared: 'session-live-user' },
    );
    return row ?? null;
  }

  /**
   * Records that a session was used now, to the minute: a guarded write that changes nothing (and locks
   * nothing) when the session was already seen in the last minute, so that busy sessions do not write on
   * every request.
   */
  async touch(idHash: string): Promise<void> {
    await this.em.execute(
      `update "session" set "last_seen_at" = now() where "id_hash" = ? and "last_seen_at" < now() - interval '1 minute'`,
      [idHash],
    );
  }

  /** A page of a user's live sessions, the newest first. */
  pageOfUser(userId: string, page: PageArgs): Promise<Connection<Session>> {
    const order = orderFor<'CREATED_AT', Session>(
      'mySessions',
      null,
      { field: 'CREATED_AT', direction: 'DESC' },
      { CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (session) => session.createdAt)] },
      byId,
    );
    return paginate(this.em, Session, { user: userId, expiresAt: { $gt: new Date() } }, page, order);
  }

  /** One live session of a user by its row key; null when there is none, or it is someone else's. */
  findOfUser(userId: string, id: string): Promise<Session | null> {
    return this.em.findOne(Session, { id, user: userId, expiresAt: { $gt: new Date() } });
  }

  /** Ends one session of a user (a guarded write: only the user's own); the hash of the one it ended, or null if none was. */
  async deleteOfUser(userId: string, id: string): Promise<string | null> {
    const rows = await this.em.execute<{ id_hash: string }[]>(
      `delete from "session" where "id" = ? and "user_id" = ? and "expires_at" > now() returning "id_hash"`,
      [id, userId],
    );
    return rows[0]?.id_hash ?? null;
  }

  /** Ends every session of a user but one (the caller's own); how many it ended. */
  async deleteOthersOfUser(userId: string, keptHash: string): Promise<number> {
    return this.em.nativeDelete(Session, { user: userId, idHash: { $ne: keptHash } });
  }

  async deleteByHash(idHash: string): Promise<void> {
    await this.em.nativeDelete(Session, { idHash });
  }

  /** Signs users out everywhere. */
  async deleteForUsers(userIds: string[]): Promise<void> {
    if (userIds.length > 0) await this.em.nativeDelete(Session, { user: { $in: userIds } });
  }
}
