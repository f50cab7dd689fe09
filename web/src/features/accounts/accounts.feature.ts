import { lazyPage, type Feature } from '../../app/feature';
import { ADMINISTRATION } from '../../app/navigation-groups';
import { canListUsers } from './accounts-access';

/** Signing in and registering, the caller's account, and the administration of users, organizations and API tokens. */
export const accountsFeature: Feature = {
  id: 'accounts',
  routes: [
    {
      path: 'sign-in',
      page: lazyPage(
        () => import('./sign-in-page'),
        (m) => m.SignInPage,
      ),
      title: 'title.signIn',
    },
    {
      path: 'register',
      page: lazyPage(
        () => import('./register-page'),
        (m) => m.RegisterPage,
      ),
      title: 'title.register',
    },
    {
      path: 'users',
      page: lazyPage(
        () => import('./users-page'),
        (m) => m.UsersPage,
      ),
      access: ({ ability }) => canListUsers(ability),
      nav: { group: ADMINISTRATION, label: 'nav.users', testId: 'nav-users' },
    },
    {
      path: 'organizations',
      page: lazyPage(
        () => import('./organizations-page'),
        (m) => m.OrganizationsPage,
      ),
      access: ({ ability, signedIn }) => signedIn && ability.can('read', 'Organization'),
      nav: { group: ADMINISTRATION, label: 'nav.organizations', testId: 'nav-organizations' },
    },
    {
      path: 'api-tokens',
      page: lazyPage(
        () => import('./api-tokens-page'),
        (m) => m.ApiTokensPage,
      ),
      access: ({ ability }) => ability.can('read', 'ApiToken'),
      nav: { group: ADMINISTRATION, label: 'nav.apiTokens', testId: 'nav-api-tokens' },
    },
    {
      path: 'account',
      page: lazyPage(
        () => import('./account-page'),
        (m) => m.AccountPage,
      ),
      access: ({ signedIn }) => signedIn,
      nav: { group: 'header', label: 'nav.account', testId: 'nav-account' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.accountsEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.accountsZhCN),
  },
};
