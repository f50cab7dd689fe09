import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { NotificationsMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the notification page: the core's keys and the feature's own. */
export type NotificationsMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the notification page (its messages load with it: see notifications.feature.ts). */
export function useNotificationsI18n(): I18n<NotificationsMessageKey> {
  return useFeatureI18n<OwnKey>();
}
