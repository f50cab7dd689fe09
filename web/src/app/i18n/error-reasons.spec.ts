import { ERROR_REASONS, PROBLEM_CODES } from '@massline/shared';
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

  it('words every problem the server can give a field or a CSV row, in English and Chinese, with the same placeholders', () => {
    const placeholders = (template: string | undefined) => [...(template ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const code of PROBLEM_CODES) {
      const key = `problem.${code}` as keyof typeof en;
      expect(en[key], key).toBeTypeOf('string');
      expect(zhCN[key], key).toBeTypeOf('string');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
    const stale = Object.keys(en).filter(
      (key) => key.startsWith('problem.') && key !== 'problem.INVALID' && !PROBLEM_CODES.includes(key.slice(8) as never),
    );
    expect(stale).toEqual([]);
  });
});
