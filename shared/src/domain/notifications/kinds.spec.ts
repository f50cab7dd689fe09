import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_SUBJECT_TYPES, notificationTarget } from './kinds';

describe('notification kinds', () => {
  it('lead to the page of what they are about', () => {
    expect(notificationTarget('CAMPAIGN_OPENED', 'Q2FtcGFpZ246MQ')).toBe('/campaigns/Q2FtcGFpZ246MQ');
    expect(notificationTarget('CAMPAIGN_CLOSING', 'Q2FtcGFpZ246MQ')).toBe('/campaigns/Q2FtcGFpZ246MQ');
    expect(notificationTarget('NOTICE_OPENED', 'R3JhbnQ6MQ')).toBe('/grants/R3JhbnQ6MQ');
  });

  it('lead nowhere without a subject', () => {
    for (const kind of NOTIFICATION_KINDS) expect(notificationTarget(kind, null)).toBeNull();
  });

  it('name the type of every kind’s subject', () => {
    expect(Object.keys(NOTIFICATION_SUBJECT_TYPES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
