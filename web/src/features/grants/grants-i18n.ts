import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { GrantsMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the grants and ledger pages: the core's keys and the feature's own. */
export type GrantsMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the grants pages (their messages load with them: see grants.feature.ts). */
export function useGrantsI18n(): I18n<GrantsMessageKey> {
  return useFeatureI18n<OwnKey>();
}
