import { lazyPage, type Feature } from '../../app/feature';
import { EVALUATION } from '../../app/navigation-groups';

/** Cadres, posts and terms: public to read, recorded by organizations; the first pages of mechanism 2's menu. */
export const cadresFeature: Feature = {
  id: 'cadres',
  routes: [
    {
      path: 'cadres',
      page: lazyPage(
        () => import('./cadres-page'),
        (m) => m.CadresPage,
      ),
      access: ({ ability }) => ability.can('read', 'Cadre'),
      nav: { group: EVALUATION, label: 'nav.cadres', testId: 'nav-cadres' },
    },
    {
      path: 'cadres/:id',
      page: lazyPage(
        () => import('./cadre-page'),
        (m) => m.CadrePage,
      ),
      access: ({ ability }) => ability.can('read', 'Cadre'),
      title: 'nav.cadres',
    },
    {
      path: 'posts',
      page: lazyPage(
        () => import('./posts-page'),
        (m) => m.PostsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Post'),
      nav: { group: EVALUATION, label: 'nav.posts', testId: 'nav-posts' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.cadresEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.cadresZhCN),
  },
};
