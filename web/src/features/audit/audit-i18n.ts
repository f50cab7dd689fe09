import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { AuditMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the audit pages: the core's keys and the feature's own. */
export type AuditMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the audit pages (their messages load with them: see audit.feature.ts). */
export function useAuditI18n(): I18n<AuditMessageKey> {
  return useFeatureI18n<OwnKey>();
}
