import { useFeatureI18n, type I18n } from '../../app/i18n/i18n-provider';
import type { CoreMessageKey } from '../../app/i18n/en';
import type { EvaluationMessageKey as OwnKey } from './messages/en';

/** What `t()` accepts on the evaluation pages: the core's keys and the feature's own. */
export type EvaluationMessageKey = CoreMessageKey | OwnKey;
export type EvaluationI18n = I18n<EvaluationMessageKey>;

/** The i18n of the evaluation pages (their messages load with them: see evaluation.feature.ts). */
export function useEvaluationI18n(): EvaluationI18n {
  return useFeatureI18n<OwnKey>();
}
