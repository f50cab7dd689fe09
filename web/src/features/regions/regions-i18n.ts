import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { RegionsMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the regions pages: the core's keys and the feature's own. */
export type RegionsMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the regions pages (their messages load with them: see regions.feature.ts). */
export function useRegionsI18n(): I18n<RegionsMessageKey> {
  return useFeatureI18n<OwnKey>();
}
