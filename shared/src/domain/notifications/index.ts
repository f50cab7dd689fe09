/** The in-app notification centre: kinds and where each leads. */
export { NOTIFICATION_KINDS, notificationTarget, type NotificationKind, type NotificationParams } from './kinds';
