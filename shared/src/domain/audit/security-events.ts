/**
 * What the security log records (server/src/modules/audit/security-log.service.ts): sign-ins and
 * sign-outs, failed and throttled attempts, password changes (and refused ones), and requests refused for want of authentication or
 * permission. Auditors read it for their jurisdiction.
 */
export const SECURITY_EVENT_KINDS = [
  'SIGN_IN',
  'SIGN_OUT',
  'SIGN_IN_FAILED',
  'SIGN_IN_THROTTLED',
  'REGISTRATION_THROTTLED',
  'REFUSED',
  'PASSWORD_CHANGED',
  'PASSWORD_CHANGE_FAILED',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Kinds an outsider can cause at will: written at most once per interval per address, the rest counted. */
export const FLOOD_BOUNDED_SECURITY_EVENTS: readonly SecurityEventKind[] = [
  'SIGN_IN_FAILED',
  'SIGN_IN_THROTTLED',
  'REGISTRATION_THROTTLED',
  'REFUSED',
  'PASSWORD_CHANGE_FAILED',
];
