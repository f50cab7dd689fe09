import { useEffect } from 'react';
import { useI18n } from './i18n/i18n-provider';
import type { CoreMessageKey } from './i18n/en';

/**
 * The browser tab says which page it is (`Alerts — MassLine`), in the current language: tabs, history
 * and screen readers tell pages apart by it.
 */
export function useDocumentTitle(page: CoreMessageKey): void {
  const { t } = useI18n();
  const title = `${t(page)} — ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
