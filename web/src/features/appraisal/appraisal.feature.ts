import { lazyPage, type Feature } from '../../app/feature';
import { EVALUATION } from '../../app/navigation-groups';

/** The appraisal of cadres' terms beside mass evaluation: inspections, special audits and verdicts. */
export const appraisalFeature: Feature = {
  id: 'appraisal',
  routes: [
    {
      path: 'verdicts',
      page: lazyPage(
        () => import('./verdicts-page'),
        (m) => m.VerdictsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Verdict'),
      nav: { group: EVALUATION, label: 'nav.verdicts', testId: 'nav-verdicts' },
    },
    {
      path: 'appraisal',
      page: lazyPage(
        () => import('./term-appraisal-page'),
        (m) => m.TermAppraisalPage,
      ),
      access: ({ ability }) => ability.can('read', 'Verdict'),
      title: 'title.termAppraisal',
    },
    {
      path: 'verdict-settings',
      page: lazyPage(
        () => import('./verdict-settings-page'),
        (m) => m.VerdictSettingsPage,
      ),
      access: ({ ability }) => ability.can('read', 'VerdictSettings'),
      nav: { group: EVALUATION, label: 'nav.verdictSettings', testId: 'nav-verdict-settings' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.appraisalEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.appraisalZhCN),
  },
};
