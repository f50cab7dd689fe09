import { NavLink } from 'react-router';
import { PAGE_ACCESS, useAccess, type PageName } from './access';
import type { MessageKey } from './i18n/en';
import { useI18n } from './i18n/i18n-provider';

interface NavItem {
  page: PageName;
  to: string;
  label: MessageKey;
  testId: string;
  /** Active only on this exact path (the dashboard at / would otherwise be active everywhere). */
  end?: boolean;
}

/** Every page of the console, in navigation order. Which ones show is decided by PAGE_ACCESS alone. */
export const NAV_ITEMS: readonly NavItem[] = [
  { page: 'dashboard', to: '/', label: 'nav.dashboard', testId: 'nav-dashboard', end: true },
  { page: 'observations', to: '/harmony/observations', label: 'nav.observations', testId: 'nav-observations' },
  { page: 'import', to: '/harmony/import', label: 'nav.import', testId: 'nav-import' },
  { page: 'methodology', to: '/harmony/methodology', label: 'nav.methodology', testId: 'nav-methodology' },
  { page: 'indicators', to: '/harmony/indicators', label: 'nav.indicators', testId: 'nav-indicators' },
  { page: 'sensitivity', to: '/harmony/sensitivity', label: 'nav.sensitivity', testId: 'nav-sensitivity' },
  { page: 'alerts', to: '/harmony/alerts', label: 'nav.alerts', testId: 'nav-alerts' },
  { page: 'regions', to: '/regions', label: 'nav.regions', testId: 'nav-regions' },
  { page: 'users', to: '/users', label: 'nav.users', testId: 'nav-users' },
  { page: 'organizations', to: '/organizations', label: 'nav.organizations', testId: 'nav-organizations' },
  { page: 'apiTokens', to: '/api-tokens', label: 'nav.apiTokens', testId: 'nav-api-tokens' },
  { page: 'audit', to: '/audit', label: 'nav.audit', testId: 'nav-audit' },
  { page: 'account', to: '/account', label: 'nav.account', testId: 'nav-account' },
];

export function Navigation() {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <nav className="main-nav" data-testid="nav" aria-label={t('nav.label')}>
      <ul>
        {NAV_ITEMS.filter((item) => PAGE_ACCESS[item.page](access)).map((item) => (
          <li key={item.page}>
            <NavLink to={item.to} end={item.end} data-testid={item.testId}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
