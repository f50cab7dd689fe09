import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { Session } from './session.entity';

/** The query side of sessions, on the entity manager it is given. */
export class SessionRepository {
  constructor(private readonly em: EntityManager) {}

  /** A session that has not expired, with its user (and the user's region and organization). */
  findLive(idHash: string): Promise<Session | null> {
    return this.em.findOne(Session, { idHash, expiresAt: { $gt: new Date() } }, { populate: ['user.region', 'user.organization'] });
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
