import { describe, expect, it } from 'vitest';
import { ALERT_UNDO_WINDOW_MS, alertActionsFrom, canAlertBecome, nextAlertStatus, undoRefusal } from './alert-transitions';
import { ALERT_STATUSES } from './alerts';

describe('the alert transition table', () => {
  it('offers acknowledge and resolve on an open alert, resolve on an acknowledged one, nothing on a resolved one', () => {
    expect(alertActionsFrom('OPEN')).toEqual(['ACKNOWLEDGE', 'RESOLVE']);
    expect(alertActionsFrom('ACKNOWLEDGED')).toEqual(['RESOLVE']);
    expect(alertActionsFrom('RESOLVED')).toEqual([]);
  });

  it('offers the undo of an acknowledgement only when asked for undos', () => {
    expect(alertActionsFrom('ACKNOWLEDGED', { undo: true })).toEqual(['RESOLVE', 'UNDO_ACKNOWLEDGE']);
    expect(alertActionsFrom('OPEN', { undo: true })).toEqual(['ACKNOWLEDGE', 'RESOLVE']);
    expect(alertActionsFrom('RESOLVED', { undo: true })).toEqual([]);
  });

  it('says where an action leads, and null where it is not allowed', () => {
    expect(nextAlertStatus('OPEN', 'ACKNOWLEDGE')).toBe('ACKNOWLEDGED');
    expect(nextAlertStatus('OPEN', 'RESOLVE')).toBe('RESOLVED');
    expect(nextAlertStatus('ACKNOWLEDGED', 'UNDO_ACKNOWLEDGE')).toBe('OPEN');
    expect(nextAlertStatus('ACKNOWLEDGED', 'ACKNOWLEDGE')).toBeNull();
    expect(nextAlertStatus('OPEN', 'UNDO_ACKNOWLEDGE')).toBeNull();
    expect(nextAlertStatus('RESOLVED', 'UNDO_ACKNOWLEDGE')).toBeNull();
    expect(nextAlertStatus('RESOLVED', 'RESOLVE')).toBeNull();
  });

  it('moves forward exactly open → acknowledged, open → resolved and acknowledged → resolved (an undo is not a move forward)', () => {
    const allowed = ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.filter((to) => canAlertBecome(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['OPEN→ACKNOWLEDGED', 'OPEN→RESOLVED', 'ACKNOWLEDGED→RESOLVED']);
  });
});

describe('undoing an acknowledgement', () => {
  const at = new Date('2026-11-29T10:00:00Z');
  const acknowledged = { status: 'ACKNOWLEDGED' as const, acknowledgedBy: 'shimen@massline.test', acknowledgedAt: at };
  const later = (ms: number) => new Date(at.getTime() + ms);

  it('is allowed to the one who acknowledged, up to the end of the window', () => {
    expect(undoRefusal(acknowledged, 'shimen@massline.test', later(1000))).toBeNull();
    expect(undoRefusal(acknowledged, 'shimen@massline.test', later(ALERT_UNDO_WINDOW_MS))).toBeNull();
    expect(undoRefusal({ ...acknowledged, acknowledgedAt: at.toISOString() }, 'shimen@massline.test', later(5))).toBeNull();
  });

  it('is refused one millisecond after the window', () => {
    expect(undoRefusal(acknowledged, 'shimen@massline.test', later(ALERT_UNDO_WINDOW_MS + 1))).toBe('TOO_LATE');
  });

  it('is refused to anyone else, even at once', () => {
    expect(undoRefusal(acknowledged, 'other@massline.test', later(1))).toBe('NOT_YOURS');
  });

  it('is refused when there is no acknowledgement to undo (open, or already resolved)', () => {
    expect(undoRefusal({ status: 'OPEN', acknowledgedBy: null, acknowledgedAt: null }, 'shimen@massline.test', at)).toBe(
      'NOT_ACKNOWLEDGED',
    );
    expect(undoRefusal({ ...acknowledged, status: 'RESOLVED' }, 'shimen@massline.test', later(1))).toBe('NOT_ACKNOWLEDGED');
  });
});
