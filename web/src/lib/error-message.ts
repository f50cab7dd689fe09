import type { ApiError } from '../app/api-error';
import type { I18n } from '../app/i18n/i18n-provider';

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
