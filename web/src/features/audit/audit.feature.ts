import { lazyPage, type Feature } from '../../app/feature';
import { ADMINISTRATION } from '../../app/navigation-groups';

/** The append-only audit log of a jurisdiction, and the security log its auditors read. */
export const auditFeature: Feature = {
  id: 'audit',
  routes: [
    {
      path: 'audit',
      page: lazyPage(
        () => import('./audit-page'),
        (m) => m.AuditPage,
      ),
      access: ({ ability }) => ability.can('read', 'AuditEntry'),
      nav: { group: ADMINISTRATION, label: 'nav.audit', testId: 'nav-audit' },
    },
    {
      path: 'security-log',
      page: lazyPage(
        () => import('./security-log-page'),
        (m) => m.SecurityLogPage,
      ),
      access: ({ ability }) => ability.can('read', 'SecurityEvent'),
      nav: { group: ADMINISTRATION, label: 'nav.securityLog', testId: 'nav-security-log' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.auditEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.auditZhCN),
  },
};
