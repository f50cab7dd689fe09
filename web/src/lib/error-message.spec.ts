import { describe, expect, it } from 'vitest';
import { localApiError, type ApiError } from '../app/api-error';
import { fill } from '../app/i18n/i18n-provider';
import { en } from '../app/i18n/en';
import { zhCN } from '../app/i18n/zh-cn';
import { fieldMessages, problemText } from './error-message';

function i18nOf(locale: 'en' | 'zh-CN') {
  const messages: Record<string, string> = locale === 'en' ? en : zhCN;
  const number = new Intl.NumberFormat(locale);
  return {
    locale,
    t: (key: string, params?: Record<string, string | number>) => fill(messages[key] ?? key, params),
    tryTranslate: (key: string, params?: Record<string, string | number>) => (key in messages ? fill(messages[key], params) : null),
    formatNumber: (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value)),
  };
}

const outOfRange = { reason: 'OUT_OF_RANGE', params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 } };
const names = { indicator: (code: string) => (code === 'CADRE_TRUST' ? '干部信任度' : code) };

describe('problems in the reader’s language', () => {
  it('words a problem with its parameters, the indicator by its name', () => {
    expect(problemText(outOfRange, i18nOf('zh-CN'), names)).toBe('干部信任度须在 0 至 100 之间，当前为 150。');
    expect(problemText(outOfRange, i18nOf('en'))).toBe('CADRE_TRUST must be between 0 and 100, got 150.');
    expect(problemText({ reason: 'CSV_TOO_MANY_ROWS', params: { max: 50000 } }, i18nOf('en'))).toBe('At most 50,000 rows per import.');
    expect(problemText({ reason: 'FROM_A_NEWER_SERVER', params: {} }, i18nOf('en'))).toBeNull();
  });

  it('gives each refused field its message: the problem worded, else English only in English', () => {
    const error: ApiError = {
      ...localApiError('Some fields need correcting'),
      fields: { value: 'CADRE_TRUST must be between 0 and 100, got 150', name: 'Something only the server says' },
      problems: { value: outOfRange },
    };
    expect(fieldMessages(error, i18nOf('zh-CN'), names)).toEqual({
      value: '干部信任度须在 0 至 100 之间，当前为 150。',
      name: '此项无效。',
    });
    expect(fieldMessages(error, i18nOf('en'))).toEqual({
      value: 'CADRE_TRUST must be between 0 and 100, got 150.',
      name: 'Something only the server says',
    });
    expect(fieldMessages(null, i18nOf('en'))).toEqual({});
  });
});
