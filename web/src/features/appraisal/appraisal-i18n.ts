import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { AppraisalMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the appraisal pages: the core's keys and the feature's own. */
export type AppraisalMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the appraisal pages (their messages load with them: see appraisal.feature.ts). */
export function useAppraisalI18n(): I18n<AppraisalMessageKey> {
  return useFeatureI18n<OwnKey>();
}
