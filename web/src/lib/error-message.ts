import type { ApiError, ApiProblem } from '../app/api-error';
import { useI18n, type I18n } from '../app/i18n/i18n-provider';

type Translator = Pick<I18n, 't' | 'tryTranslate' | 'locale' | 'formatNumber'>;

/**
 * The general message of a failed operation in the reader's language: the translation of its precise
 * reason (shared/src/errors); for a reason newer than this console's dictionaries, the translation of
 * its API code (still in the reader's language); only then the server's own (English) message.
 */
export function errorMessage(error: ApiError, i18n: Pick<I18n, 't' | 'tryTranslate'>): string {
  if (error.network) return i18n.t('error.network');
  if (error.reason) {
    const translated = i18n.tryTranslate(`reason.${error.reason}`);
    if (translated) return translated;
  }
  if (error.code) {
    const translated = i18n.tryTranslate(`code.${error.code}`);
    if (translated) return translated;
  }
  return error.message || i18n.t('error.unknown');
}

/** How a page names what a problem's parameters refer to by code (an indicator by its name in the reader's language). */
export interface ProblemNames {
  indicator?(code: string): string;
}

/**
 * One refused value's problem in the reader's language (`problem.<CODE>` of the core dictionaries), its
 * numbers formatted for the language and an indicator's code replaced by its name; null for a problem
 * code this console does not know.
 */
export function problemText(problem: ApiProblem, i18n: Translator, names: ProblemNames = {}): string | null {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    if (typeof value === 'number') params[name] = i18n.formatNumber(value);
    else if (name === 'indicator' && names.indicator) params[name] = names.indicator(value);
    else params[name] = value;
  }
  return i18n.tryTranslate(`problem.${problem.reason}`, params);
}

/**
 * What to show at each refused field of a failed operation, in the reader's language: its problem
 * worded by the console; a field that came without a code (an older rule) keeps the server's words in
 * English and reads as a generic "not valid" in any other language, never as an English sentence.
 */
export function fieldMessages(error: ApiError | null | undefined, i18n: Translator, names: ProblemNames = {}): Record<string, string> {
  if (!error) return {};
  const messages: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const problem = error.problems[field];
    messages[field] = (problem && problemText(problem, i18n, names)) ?? (i18n.locale === 'en' ? message : i18n.t('problem.INVALID'));
  }
  return messages;
}

/** fieldMessages() in the current language, for a form's fields. */
export function useFieldMessages(error: ApiError | null | undefined, names: ProblemNames = {}): Record<string, string> {
  return fieldMessages(error, useI18n(), names);
}
