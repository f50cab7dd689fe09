/**
 * English messages of the notification page. Loaded with the page, in the current language only;
 * zh-cn.ts must have exactly these keys (it is typed by them).
 */
export const notificationsEn = {
  'notifications.title': 'Notifications',
  'notifications.intro': 'What concerns you: evaluation campaigns of your region, public notices.',
  'notifications.none': 'No notification.',
  'notifications.time': 'When',
  'notifications.unreadOnly': 'Unread only',
  'notifications.markRead': 'Mark read',
  'notifications.markAllRead': 'Mark all read',
  'notifications.open': 'Open',
  'notifications.read': 'Read',
  'notifications.unread': 'Unread',
  'notification.CAMPAIGN_OPENED': 'The evaluation campaign “{title}” is open: give your opinion of your cadres.',
  'notification.CAMPAIGN_CLOSING': 'The evaluation campaign “{title}” closes on {closesAt}: you have not taken part yet.',
  'notification.NOTICE_OPENED': 'A public notice is open: “{title}”. You may object until it closes.',
} as const;

export type NotificationsMessageKey = keyof typeof notificationsEn;
