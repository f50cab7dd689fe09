import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-provider';

/** Shown instead of a page the ability does not open; the page, and so its queries, never mount. */
export function NotAllowedPage() {
  const { t } = useI18n();
  return (
    <section className="page status-page" data-testid="not-allowed">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body')}</p>
      <Link to="/regions" className="button">
        {t('status.backHome')}
      </Link>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page status-page" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/regions" className="button">
        {t('status.backHome')}
      </Link>
    </section>
  );
}
