import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useApiMutation } from '../lib/use-api-mutation';
import { graphql } from './graphql';
import { LOCALES, useI18n, type Locale } from './i18n/i18n-provider';
import { signInPath, useLandingPath } from './landing';
import { Navigation, useHeaderLinks } from './navigation';
import { NotificationBell } from './notification-bell';
import { useSession } from './session-provider';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

const LOCALE_LABELS: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        data-testid="language-switch"
        value={locale}
        onChange={(event) => setLocale(LOCALES.find((candidate) => candidate === event.target.value) ?? locale)}
      >
        {LOCALES.map((candidate) => (
          <option key={candidate} value={candidate} lang={candidate}>
            {LOCALE_LABELS[candidate]}
          </option>
        ))}
      </select>
    </label>
  );
}

function SessionBox() {
  const { t, regionName } = useI18n();
  const { user, status, sessionChanged } = useSession();
  const navigate = useNavigate();
  const signOut = useApiMutation(SignOutMutation);
  const links = useHeaderLinks();
  const location = useLocation();

  if (status !== 'ready') return null;
  if (!user) {
    // Signing in comes back here: the page the visitor was reading.
    return (
      <Link to={signInPath(`${location.pathname}${location.search}`)} className="button button-primary" data-testid="sign-in-link">
        {t('header.signIn')}
      </Link>
    );
  }
  const onSignOut = async () => {
    await signOut.run({});
    // Whatever the answer, the cached data of this session must go: start over as whoever we now are.
    sessionChanged();
    void navigate('/sign-in');
  };
  return (
    <div className="session-box">
      <div className="session-who" data-testid="session-user">
        <strong>{user.displayName}</strong>
        <span>
          {t(`role.${user.role}`)} · {regionName(user.region)}
        </span>
      </div>
      <NotificationBell />
      {links.map((link) => (
        <NavLink key={link.testId} to={link.to} end={link.end} className="header-link" data-testid={link.testId}>
          {t(link.label)}
        </NavLink>
      ))}
      <button type="button" className="button" data-testid="sign-out" onClick={onSignOut} disabled={signOut.fetching}>
        {t('header.signOut')}
      </button>
    </div>
  );
}

export function Header() {
  const { t } = useI18n();
  const landing = useLandingPath();
  return (
    <header className="app-header">
      <div className="header-top">
        <Link to={landing} className="brand" data-testid="brand">
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          <SessionBox />
        </div>
      </div>
      <Navigation />
    </header>
  );
}
