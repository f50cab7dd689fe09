import { lazyPage, type Feature } from '../../app/feature';

/** Mechanism 3's menu: the power grants, a citizen's open notices, the ledger behind them. */
const GRANTS = { id: 'grants', label: 'nav.group.grants' } as const;

/** Power grants (mechanism 3) and the ledger: public to read; organizations record, citizens object, auditors verify. */
export const grantsFeature: Feature = {
  id: 'grants',
  routes: [
    {
      path: 'grants',
      page: lazyPage(
        () => import('./grants-page'),
        (m) => m.GrantsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Grant'),
      nav: { group: GRANTS, label: 'nav.grants', testId: 'nav-grants' },
    },
    {
      path: 'grants/:id',
      page: lazyPage(
        () => import('./grant-page'),
        (m) => m.GrantPage,
      ),
      access: ({ ability }) => ability.can('read', 'Grant'),
      title: 'nav.grants',
    },
    {
      path: 'notices',
      page: lazyPage(
        () => import('./notices-page'),
        (m) => m.NoticesPage,
      ),
      access: ({ ability, signedIn }) => signedIn && ability.can('create', 'GrantObjection'),
      nav: { group: GRANTS, label: 'nav.notices', testId: 'nav-notices' },
    },
    {
      path: 'my-objections',
      page: lazyPage(
        () => import('./my-objections-page'),
        (m) => m.MyObjectionsPage,
      ),
      // As the server's myObjections: a citizen, whose rule to object has no condition (an organization's
      // right over objections is bounded by its jurisdiction, and it files none).
      access: ({ ability, signedIn }) =>
        signedIn && ability.rulesFor('create', 'GrantObjection').some((rule) => !rule.inverted && !rule.conditions),
      nav: { group: GRANTS, label: 'nav.myObjections', testId: 'nav-my-objections' },
    },
    {
      path: 'calendar',
      page: lazyPage(
        () => import('./calendar-page'),
        (m) => m.CalendarPage,
      ),
      // As the server's setWorkingCalendar: manage WorkingDayCalendar, a platform subject (the root region's organization).
      access: ({ ability }) => ability.can('manage', 'WorkingDayCalendar'),
      nav: { group: GRANTS, label: 'nav.calendar', testId: 'nav-calendar' },
    },
    {
      path: 'ledger',
      page: lazyPage(
        () => import('./ledger-page'),
        (m) => m.LedgerPage,
      ),
      access: ({ ability }) => ability.can('read', 'Grant'),
      nav: { group: GRANTS, label: 'nav.ledger', testId: 'nav-ledger' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.grantsEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.grantsZhCN),
  },
};
