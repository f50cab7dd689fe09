import type { NotificationsMessageKey } from './en';

/** 简体中文。键与 en.ts 完全一致（类型检查保证）。 */
export const notificationsZhCN: Record<NotificationsMessageKey, string> = {
  'notifications.title': '通知',
  'notifications.intro': '与您有关的事项：本地区的干部评议活动、公示。',
  'notifications.none': '暂无通知。',
  'notifications.time': '时间',
  'notifications.unreadOnly': '只看未读',
  'notifications.markRead': '标为已读',
  'notifications.markAllRead': '全部标为已读',
  'notifications.open': '查看',
  'notifications.read': '已读',
  'notifications.unread': '未读',
  'notification.CAMPAIGN_OPENED': '干部评议活动“{title}”已开始：请对本地干部作出评价。',
  'notification.CAMPAIGN_CLOSING': '干部评议活动“{title}”将于{closesAt}结束：您尚未参与。',
  'notification.NOTICE_OPENED': '公示已开始：“{title}”。公示期内您可以提出异议。',
};
