import { Link } from 'react-router';
import { useDocumentTitle } from '../app/document-title';
import { useI18n } from '../app/i18n/i18n-provider';
import { useLandingPath } from '../app/landing';
import { useSession } from '../app/session-provider';

/** The way out of a status page: the user's own start (their region's dashboard), or the public home. */
function LandingLink() {
  const { t } = useI18n();
  const { user } = useSession();
  const landing = useLandingPath();
  return (
    <Link to={landing} className="button" data-testid="status-landing">
      {t(user ? 'status.backHome' : 'status.publicHome')}
    </Link>
  );
}

/** Shown instead of a page the ability does not open; the page, and so its queries, never mount. */
export function NotAllowedPage() {
  const { t } = useI18n();
  return (
    <section className="page status-page" data-testid="not-allowed">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body')}</p>
      <LandingLink />
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle('notFound.title');
  return (
    <section className="page status-page" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <LandingLink />
    </section>
  );
}
