import { lazyPage, type Feature } from '../../app/feature';
import { ADMINISTRATION } from '../../app/navigation-groups';

/** The region tree with its statistics: public. */
export const regionsFeature: Feature = {
  id: 'regions',
  routes: [
    {
      path: 'regions',
      page: lazyPage(
        () => import('./regions-page'),
        (m) => m.RegionsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Region'),
      nav: { group: ADMINISTRATION, label: 'nav.regions', testId: 'nav-regions' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.regionsEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.regionsZhCN),
  },
};
