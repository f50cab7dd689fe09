import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { ErrorState, Loading } from '../lib/states';
import { Header } from './header';
import { useI18n } from './i18n/i18n-provider';
import { useSession } from './session-provider';

/** The frame of every page. Pages render only once `me` is known, so guards and navigation never guess. */
export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="app-main">
        {session.status === 'loading' && <Loading />}
        {session.status === 'error' && session.error && <ErrorState error={session.error} onRetry={session.retry} />}
        {session.status === 'ready' && (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  );
}
