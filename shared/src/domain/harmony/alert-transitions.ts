/**
 * The life of an alert, as one transition table: open → acknowledged → resolved, and an open alert may
 * be resolved at once. The server refuses any other move with it; the console offers only the buttons
 * it allows. (Campaigns and grants will get tables of the same shape.)
 */
import type { AlertStatus } from './alerts';

export const ALERT_ACTIONS = ['ACKNOWLEDGE', 'RESOLVE'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** Status × action → the next status; an action missing from a status's row is not allowed from it. */
export const ALERT_TRANSITIONS: Readonly<Record<AlertStatus, Readonly<Partial<Record<AlertAction, AlertStatus>>>>> = {
  OPEN: { ACKNOWLEDGE: 'ACKNOWLEDGED', RESOLVE: 'RESOLVED' },
  ACKNOWLEDGED: { RESOLVE: 'RESOLVED' },
  RESOLVED: {},
};

/** The actions allowed from a status, in ALERT_ACTIONS order (what the console shows as buttons). */
export function alertActionsFrom(status: AlertStatus): AlertAction[] {
  return ALERT_ACTIONS.filter((action) => ALERT_TRANSITIONS[status][action] !== undefined);
}

/** The status an action leads to from `status`; null when the table does not allow it. */
export function nextAlertStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  return ALERT_TRANSITIONS[status][action] ?? null;
}

/** May an alert in `from` become `to` by some action (the server's check: the API names the target status)? */
export function canAlertBecome(from: AlertStatus, to: AlertStatus): boolean {
  return alertActionsFrom(from).some((action) => ALERT_TRANSITIONS[from][action] === to);
}
