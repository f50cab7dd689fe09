import { lazyPage, type Feature } from '../../app/feature';
import { EVALUATION } from '../../app/navigation-groups';

/** Review alerts: incompetent verdicts calling the granting body to review, in the cadre evaluation menu beside the verdicts. */
export const reviewsFeature: Feature = {
  id: 'reviews',
  routes: [
    {
      path: 'review-alerts',
      page: lazyPage(
        () => import('./review-alerts-page'),
        (m) => m.ReviewAlertsPage,
      ),
      access: ({ ability }) => ability.can('read', 'ReviewAlert'),
      nav: { group: EVALUATION, label: 'nav.reviewAlerts', testId: 'nav-review-alerts' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.reviewsEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.reviewsZhCN),
  },
};
