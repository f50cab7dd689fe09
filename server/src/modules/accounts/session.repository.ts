import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from './session.entity';

/** The query side of sessions, on the entity manager it is given. */
export class SessionRepository {
  constructor(private readonly em: EntityManager) {}

  /** A session that has not expired, with its user (and the user's region and organization). */
  findLive(idHash: string): Promise<Session | null> {
    return this.em.findOne(Session, { idHash, expiresAt: { $gt: new Date() } }, { populate: ['user.region', 'user.organization'] });
  }

  async deleteByHash(idHash: string): Promise<void> {
    await this.em.nativeDelete(Session, { idHash });
  }

  /** Signs users out everywhere. */
  async deleteForUsers(userIds: string[]): Promise<void> {
    if (userIds.length > 0) await this.em.nativeDelete(Session, { user: { $in: userIds } });
  }
}
