import { ERROR_REASONS } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-cn';

describe('error reasons in the console’s languages', () => {
  it('has a message for every reason the server can give, in English and Chinese', () => {
    const reasons = Object.keys(ERROR_REASONS);
    const missing = (dictionary: Record<string, string>) => reasons.filter((reason) => !(`reason.${reason}` in dictionary));
    expect(missing(en)).toEqual([]);
    expect(missing(zhCN)).toEqual([]);
  });

  it('keeps no message of a reason that no longer exists', () => {
    const stale = Object.keys(en).filter((key) => key.startsWith('reason.') && !(key.slice('reason.'.length) in ERROR_REASONS));
    expect(stale).toEqual([]);
  });
});
