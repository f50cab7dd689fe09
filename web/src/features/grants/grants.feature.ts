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
