import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { AccountsMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the accounts pages: the core's keys and the feature's own. */
export type AccountsMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the accounts pages (their messages load with them: see accounts.feature.ts). */
export function useAccountsI18n(): I18n<AccountsMessageKey> {
  return useFeatureI18n<OwnKey>();
}
