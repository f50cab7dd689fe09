/**
 * The in-app notification centre (PRODUCT.md, mechanisms 2 and 3): what a notification is about. The
 * console words each kind in the reader's language from the notification's parameters (a campaign's
 * titles and closing time, a notice's post), so the server stores no sentence.
 */
export const NOTIFICATION_KINDS = ['CAMPAIGN_OPENED', 'CAMPAIGN_CLOSING', 'NOTICE_OPENED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification may say, by kind; every field optional, so an older notification still reads. */
export interface NotificationParams {
  /** The campaign or notice, as a global id the console links to. */
  subjectId?: string;
  title?: string;
  titleZh?: string;
  /** When the campaign closes (ISO date-time). */
  closesAt?: string;
}

/** Where the console leads from a notification: the subject's page, or nowhere when it has none yet. */
export function notificationTarget(kind: NotificationKind, subjectId: string | null | undefined): string | null {
  if (!subjectId) return null;
  switch (kind) {
    case 'CAMPAIGN_OPENED':
    case 'CAMPAIGN_CLOSING':
      return `/campaigns/${subjectId}`;
    case 'NOTICE_OPENED':
      return `/notices/${subjectId}`;
  }
}
