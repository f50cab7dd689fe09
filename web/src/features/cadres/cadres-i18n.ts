import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { CadresMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the cadres pages: the core's keys and the feature's own. */
export type CadresMessageKey = CoreMessageKey | OwnKey;

/** The i18n of the cadres pages (their messages load with them: see cadres.feature.ts). */
export function useCadresI18n(): I18n<CadresMessageKey> {
  return useFeatureI18n<OwnKey>();
}

/** A post's title in the reader's language. */
export function postTitle(post: { title: string; titleZh: string }, locale: string): string {
  return locale === 'zh-CN' ? post.titleZh : post.title;
}
