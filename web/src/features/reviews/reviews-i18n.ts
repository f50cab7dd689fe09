import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { ReviewsMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the review alerts page: the core's keys and the feature's own. */
export type ReviewsMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the review alerts page (its messages load with it: see reviews.feature.ts). */
export function useReviewsI18n(): I18n<ReviewsMessageKey> {
  return useFeatureI18n<OwnKey>();
}
