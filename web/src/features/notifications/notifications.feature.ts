import { lazyPage, type Feature } from '../../app/feature';

/** The notification page, reached from the bell in the header (no menu entry of its own). */
export const notificationsFeature: Feature = {
  id: 'notifications',
  routes: [
    {
      path: 'notifications',
      page: lazyPage(
        () => import('./notifications-page'),
        (m) => m.NotificationsPage,
      ),
      access: ({ ability, signedIn }) => signedIn && ability.can('read', 'Notification'),
      title: 'nav.notifications',
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.notificationsEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.notificationsZhCN),
  },
};
