import { defineModule, resolver } from '../../app/module-manifest';
import { Migration20261129180500Notifications } from './migrations/Migration20261129180500Notifications';
import { Notification } from './notification.entity';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

export type { NotificationMessage, ResidentsMessage } from './notification.service';

/** The notifications module's services: evaluation (and grants) notify through `notifications`. */
export interface NotificationsServices {
  notifications: NotificationService;
}

/** The in-app notification centre: each person's notifications, the unread count, marking read. */
export const notificationsModule = defineModule({
  name: 'notifications',
  dependsOn: ['accounts'],
  entities: [Notification],
  createServices: (): NotificationsServices => ({ notifications: new NotificationService() }),
  resolvers: [resolver(NotificationResolver, (s: NotificationsServices) => new NotificationResolver(s.notifications))],
  nodes: (s: NotificationsServices) => ({ Notification: (context, id) => s.notifications.get(context, id) }),
  migrations: [{ name: 'Migration20261129180500Notifications', class: Migration20261129180500Notifications }],
  // A notification is never rewritten: only marked read.
  guardedColumns: { notification: ['read_at'] },
});
