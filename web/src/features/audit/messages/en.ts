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

  'security.title': 'Security log',
  'security.intro': 'Sign-ins and sign-outs, failed and throttled attempts, and refused requests in your jurisdiction, newest first.',
  'security.kind': 'Event',
  'security.kinds': 'Events',
  'security.address': 'Address',
  'security.operationReason': 'Operation / reason',
  'security.suppressed': '+{count} suppressed',
  'security.suppressedHint': 'Events of this kind from this address just before this one, counted here instead of written separately',
  'security.none': 'No events match.',

  'securityKind.SIGN_IN': 'Sign-in',
  'securityKind.SIGN_OUT': 'Sign-out',
  'securityKind.SIGN_IN_FAILED': 'Failed sign-in',
  'securityKind.SIGN_IN_THROTTLED': 'Sign-in throttled',
  'securityKind.REGISTRATION_THROTTLED': 'Registration throttled',
  'securityKind.REFUSED': 'Refused request',

  'securityReason.UNKNOWN_EMAIL': 'Unknown e-mail',
  'securityReason.WRONG_PASSWORD': 'Wrong password',
  'securityReason.ACCOUNT_DEACTIVATED': 'Account deactivated',
  'securityReason.ORGANIZATION_DEACTIVATED': 'Organization deactivated',
  'securityReason.ADDRESS': 'Limit per address',
  'securityReason.EMAIL_FROM_ADDRESS': 'Limit per e-mail and address',
  'securityReason.PLATFORM': 'Platform limit',
} as const;

export type AuditMessageKey = keyof typeof auditEn;
