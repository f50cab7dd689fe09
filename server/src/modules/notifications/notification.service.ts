import type { EntityManager } from '@mikro-orm/postgresql';
import { scoped, type Filter } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import { MAX_PAGE_SIZE, type Connection, type PageArgs } from '../../common/connection';
import { toGlobalId } from '../../common/global-id';
import type { RequestContext } from '../../common/request-context';
import { Notification } from './notification.entity';
import { NotificationRepository, type NotificationMessage } from './notification.repository';

export type { NotificationMessage } from './notification.repository';

/** Whom `notifyVerifiedResidents` tells: the verified residents of a region's subtree, but some. */
export interface ResidentsMessage extends NotificationMessage {
  /** The path of the region (`/88/8801/`): its residents and those of every region under it. */
  regionPath: string;
  /** Residents not to tell (those who voted already, for a reminder). */
  exceptUserIds?: readonly string[];
}

/**
 * The in-app notification centre. Other modules notify inside their own transaction (the `em` they
 * pass): a campaign that opens and its notifications commit together. Everyone reads and marks read
 * their own notifications only; another person's is NOT_FOUND, exactly like one that does not exist.
 * Marking read is the reader's own bookkeeping, not a change of the platform's records: no audit event.
 */
export class NotificationService {
  /** Notifies every active, verified citizen resident in the region's subtree: one statement; returns how many. */
  notifyVerifiedResidents(em: EntityManager, { regionPath, exceptUserIds = [], ...message }: ResidentsMessage): Promise<number> {
    return new NotificationRepository(em).notifyVerifiedResidents(regionPath, message, exceptUserIds);
  }

  /** Notifies these users (the active ones): one statement; returns how many. */
  notifyUsers(em: EntityManager, userIds: readonly string[], message: NotificationMessage): Promise<number> {
    if (userIds.length === 0) return Promise.resolve(0);
    return new NotificationRepository(em).notifyUsers(userIds, message);
  }

  /** The caller's notifications, the newest first (only the unread ones with `unreadOnly`). */
  list(context: RequestContext, page: PageArgs, unreadOnly: boolean): Promise<Connection<Notification>> {
    const requested: Filter = unreadOnly ? { readAt: null } : {};
    return new NotificationRepository(context.em).page(scoped(context.ability, 'read', 'Notification', requested), page);
  }

  unreadCount(context: RequestContext): Promise<number> {
    return new NotificationRepository(context.em).unreadCount(this.ownerOf(context, 'read'));
  }

  /** One notification of the caller's by id (`node(id:)`); NOT_FOUND if there is none of theirs. */
  async get(context: RequestContext, id: string): Promise<Notification> {
    const [notification] = await new NotificationRepository(context.em).findOwn(this.ownerOf(context, 'read'), [id]);
    if (!notification) throw notFound('Notification');
    return notification;
  }

  /**
   * Marks the caller's notifications read (those read already stay as they were). All or nothing: an
   * id that names none of the caller's notifications is refused NOT_FOUND, naming it, and nothing changes.
   */
  async markRead(context: RequestContext, givenIds: readonly string[]): Promise<Notification[]> {
    const userId = this.ownerOf(context, 'update');
    const ids = [...new Set(givenIds)];
    if (ids.length === 0) throw invalidInput({ ids: 'Choose at least one notification' });
    if (ids.length > MAX_PAGE_SIZE) throw invalidInput({ ids: `At most ${MAX_PAGE_SIZE} notifications at once` });
    const repository = new NotificationRepository(context.em);
    const found = new Set((await repository.findOwn(userId, ids)).map((notification) => notification.id));
    const missing = ids.filter((id) => !found.has(id)).map((id) => toGlobalId('Notification', id));
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `Notification ${missing.join(', ')} not found`,
        Object.fromEntries(missing.map((id) => [id, 'not found'])),
      );
    }
    await repository.markRead(userId, ids);
    const marked = new Map((await repository.findOwn(userId, ids)).map((notification) => [notification.id, notification]));
    return ids.map((id) => marked.get(id)!);
  }

  /** Marks every unread notification of the caller's read; returns how many were unread. */
  markAllRead(context: RequestContext): Promise<number> {
    return new NotificationRepository(context.em).markRead(this.ownerOf(context, 'update'), null);
  }

  /** The caller's user id, once the ability allows the action on their own notifications (else the usual refusal). */
  private ownerOf(context: RequestContext, action: 'read' | 'update'): string {
    const { principal } = context;
    if (principal.kind === 'ANONYMOUS') throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (principal.kind !== 'USER' || !context.ability.can(action, 'Notification')) {
      throw new AppError('FORBIDDEN', `Only people ${action} notifications, their own`);
    }
    return principal.id;
  }
}
