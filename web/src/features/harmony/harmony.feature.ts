import { lazyPage, type Feature, type NavGroup } from '../../app/feature';

/** The harmony index's own menu: everything about the index, from data entry to alerts. */
const HARMONY: NavGroup = { id: 'harmony', label: 'nav.group.harmony' };

/**
 * The harmony index in the console. The dashboard, the methodology and the indicator catalogue are
 * public; raw data, imports, sensitivity runs and alerts belong to organizations (and, read-only,
 * auditors): each page decided by its subject.
 */
export const harmonyFeature: Feature = {
  id: 'harmony',
  routes: [
    {
      path: '',
      page: lazyPage(
        () => import('./dashboard-page'),
        (m) => m.DashboardPage,
      ),
      access: ({ ability }) => ability.can('read', 'Assessment'),
      nav: { group: HARMONY, label: 'nav.dashboard', testId: 'nav-dashboard' },
    },
    {
      path: 'harmony/observations',
      page: lazyPage(
        () => import('./observations-page'),
        (m) => m.ObservationsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Observation'),
      nav: {
        group: HARMONY,
        label: 'nav.observations',
        readOnly: { label: 'nav.observationsReadOnly', unless: ({ ability }) => ability.can('create', 'Observation') },
        testId: 'nav-observations',
      },
    },
    {
      path: 'harmony/import',
      page: lazyPage(
        () => import('./import-page'),
        (m) => m.ImportPage,
      ),
      access: ({ ability }) => ability.can('create', 'Observation'),
      nav: { group: HARMONY, label: 'nav.import', testId: 'nav-import' },
    },
    {
      path: 'harmony/methodology',
      page: lazyPage(
        () => import('./methodology-page'),
        (m) => m.MethodologyPage,
      ),
      access: ({ ability }) => ability.can('read', 'MethodologyVersion'),
      nav: { group: HARMONY, label: 'nav.methodology', testId: 'nav-methodology' },
    },
    {
      path: 'harmony/indicators',
      page: lazyPage(
        () => import('./indicators-page'),
        (m) => m.IndicatorsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Indicator'),
      nav: { group: HARMONY, label: 'nav.indicators', testId: 'nav-indicators' },
    },
    {
      path: 'harmony/sensitivity',
      page: lazyPage(
        () => import('./sensitivity-page'),
        (m) => m.SensitivityPage,
      ),
      access: ({ ability }) => ability.can('create', 'SensitivityRun'),
      nav: { group: HARMONY, label: 'nav.sensitivity', testId: 'nav-sensitivity' },
    },
    {
      path: 'harmony/alerts',
      page: lazyPage(
        () => import('./alerts-page'),
        (m) => m.AlertsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Alert'),
      nav: { group: HARMONY, label: 'nav.alerts', testId: 'nav-alerts' },
    },
    { path: 'harmony', redirectTo: '/' },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.harmonyEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.harmonyZhCN),
  },
};
