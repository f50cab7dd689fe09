/** The in-app notification centre: kinds and where each leads. */
export {
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_TYPES,
  notificationTarget,
  type NotificationKind,
  type NotificationParams,
} from './kinds';
