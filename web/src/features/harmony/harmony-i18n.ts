import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { HarmonyMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the harmony pages: the core's keys and the harmony index's own. */
export type HarmonyMessageKey = CoreMessageKey | OwnKey;
export type HarmonyI18n = I18n<HarmonyMessageKey>;

/** The i18n of the harmony pages (their messages load with them: see harmony.feature.ts). */
export function useHarmonyI18n(): HarmonyI18n {
  return useFeatureI18n<OwnKey>();
}
