/**
 * The life of an alert, as one transition table: open → acknowledged → resolved, and an open alert may
 * be resolved at once. An acknowledgement can be undone (acknowledged → open), but only as an undo: by
 * the person who acknowledged, within ALERT_UNDO_WINDOW_MS — after that the acknowledgement stands and
 * the alert is worked on to its resolution. The server refuses any other move with it; the console
 * offers only the buttons it allows. (Campaigns and grants will get tables of the same shape.)
 */
import type { AlertStatus } from './alerts';

export const ALERT_ACTIONS = ['ACKNOWLEDGE', 'RESOLVE', 'UNDO_ACKNOWLEDGE'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** Status × action → the next status; an action missing from a status's row is not allowed from it. */
export const ALERT_TRANSITIONS: Readonly<Record<AlertStatus, Readonly<Partial<Record<AlertAction, AlertStatus>>>>> = {
  OPEN: { ACKNOWLEDGE: 'ACKNOWLEDGED', RESOLVE: 'RESOLVED' },
  ACKNOWLEDGED: { RESOLVE: 'RESOLVED', UNDO_ACKNOWLEDGE: 'OPEN' },
  RESOLVED: {},
};

/** How long after acknowledging the same person may still undo it: long enough to notice a wrong click. */
export const ALERT_UNDO_WINDOW_MS = 10 * 60 * 1000;

/** Actions that only undo the previous one, with the conditions of `undoRefusal`. */
const UNDO_ACTIONS: readonly AlertAction[] = ['UNDO_ACKNOWLEDGE'];

/** The actions allowed from a status, in ALERT_ACTIONS order; undos only when asked for (the console offers them apart). */
export function alertActionsFrom(status: AlertStatus, { undo = false }: { undo?: boolean } = {}): AlertAction[] {
  return ALERT_ACTIONS.filter((action) => ALERT_TRANSITIONS[status][action] !== undefined && (undo || !UNDO_ACTIONS.includes(action)));
}

/** The status an action leads to from `status`; null when the table does not allow it. */
export function nextAlertStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  return ALERT_TRANSITIONS[status][action] ?? null;
}

/** May an alert in `from` become `to` by a forward action (not an undo)? */
export function canAlertBecome(from: AlertStatus, to: AlertStatus): boolean {
  return alertActionsFrom(from).some((action) => ALERT_TRANSITIONS[from][action] === to);
}

/** Why an undo is refused: nothing to undo, someone else's acknowledgement, or too late. */
export type AlertUndoRefusal = 'NOT_ACKNOWLEDGED' | 'NOT_YOURS' | 'TOO_LATE';

/**
 * Null when `actor` may undo the acknowledgement of this alert at `now`, else why not: only the one who
 * acknowledged it, and only within ALERT_UNDO_WINDOW_MS of it.
 */
export function undoRefusal(
  alert: { readonly status: AlertStatus; readonly acknowledgedBy?: string | null; readonly acknowledgedAt?: Date | string | null },
  actor: string,
  now: Date,
): AlertUndoRefusal | null {
  if (nextAlertStatus(alert.status, 'UNDO_ACKNOWLEDGE') === null || !alert.acknowledgedAt) return 'NOT_ACKNOWLEDGED';
  if (alert.acknowledgedBy !== actor) return 'NOT_YOURS';
  const elapsed = now.getTime() - new Date(alert.acknowledgedAt).getTime();
  return elapsed > ALERT_UNDO_WINDOW_MS ? 'TOO_LATE' : null;
}
