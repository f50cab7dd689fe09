/**
 * English messages of the audit log. Loaded with the feature's pages, in the current language only;
 * zh-cn.ts must have exactly these keys (it is typed by them).
 */
export const auditEn = {
  'actorKind.USER': 'User',
  'actorKind.API_TOKEN': 'API token',
  'actorKind.ANONYMOUS': 'Anonymous',
  'actorKind.SYSTEM': 'System',

  'audit.title': 'Audit log',
  'audit.intro': 'Every change in your jurisdiction, newest first. Nobody can edit it.',
  'audit.time': 'When',
  'audit.action': 'Action',
  'audit.actor': 'Who',
  'audit.subject': 'Subject',
  'audit.subjectType': 'Subject type',
  'audit.subjectId': 'Subject ID',
  'audit.regionPath': 'Region path',
  'audit.requestId': 'Request',
  'audit.clientRequestId': "Client's request ID",
  'audit.from': 'From',
  'audit.to': 'To (inclusive)',
  'audit.changes': 'Changes',
  'audit.show': 'Show',
  'audit.hide': 'Hide',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.none': 'No entries match.',
} as const;

export type AuditMessageKey = keyof typeof auditEn;
