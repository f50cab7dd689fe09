/**
 * The in-app notification centre (PRODUCT.md, mechanisms 2 and 3): what a notification is about. The
 * console words each kind in the reader's language from the notification's parameters (a campaign's
 * titles and closing time, a notice's post), so the server stores no sentence.
 */
export const NOTIFICATION_KINDS = ['CAMPAIGN_OPENED', 'CAMPAIGN_CLOSING', 'NOTICE_OPENED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The type of what each kind of notification is about (its subject's GraphQL type). */
export const NOTIFICATION_SUBJECT_TYPES: Record<NotificationKind, string> = {
  CAMPAIGN_OPENED: 'Campaign',
  CAMPAIGN_CLOSING: 'Campaign',
  // A notice is a stage of a power grant: the notification names the grant (mechanism 3's page of it).
  NOTICE_OPENED: 'Grant',
};

/** What a notification may say, by kind; every field optional, so an older notification still reads. */
export interface NotificationParams {
  title?: string;
  titleZh?: string;
  /** When the campaign closes (ISO date-time). */
  closesAt?: string;
}

/** Where the console leads from a notification (its subject's id as the API gives it): the subject's page, or nowhere without one. */
export function notificationTarget(kind: NotificationKind, subjectId: string | null | undefined): string | null {
  if (!subjectId) return null;
  switch (kind) {
    case 'CAMPAIGN_OPENED':
    case 'CAMPAIGN_CLOSING':
      return `/campaigns/${subjectId}`;
    case 'NOTICE_OPENED':
      return `/grants/${subjectId}`;
  }
}
