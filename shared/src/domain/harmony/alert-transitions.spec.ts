import { describe, expect, it } from 'vitest';
import { alertActionsFrom, canAlertBecome, nextAlertStatus } from './alert-transitions';
import { ALERT_STATUSES } from './alerts';

describe('the alert transition table', () => {
  it('offers acknowledge and resolve on an open alert, resolve on an acknowledged one, nothing on a resolved one', () => {
    expect(alertActionsFrom('OPEN')).toEqual(['ACKNOWLEDGE', 'RESOLVE']);
    expect(alertActionsFrom('ACKNOWLEDGED')).toEqual(['RESOLVE']);
    expect(alertActionsFrom('RESOLVED')).toEqual([]);
  });

  it('says where an action leads, and null where it is not allowed', () => {
    expect(nextAlertStatus('OPEN', 'ACKNOWLEDGE')).toBe('ACKNOWLEDGED');
    expect(nextAlertStatus('OPEN', 'RESOLVE')).toBe('RESOLVED');
    expect(nextAlertStatus('ACKNOWLEDGED', 'ACKNOWLEDGE')).toBeNull();
    expect(nextAlertStatus('RESOLVED', 'RESOLVE')).toBeNull();
  });

  it('allows exactly open → acknowledged, open → resolved and acknowledged → resolved (never back, never to itself)', () => {
    const allowed = ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.filter((to) => canAlertBecome(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['OPEN→ACKNOWLEDGED', 'OPEN→RESOLVED', 'ACKNOWLEDGED→RESOLVED']);
  });
});
