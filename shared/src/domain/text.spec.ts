import { describe, expect, it } from 'vitest';
import { isAsciiEmail, normalizeText, parseDecimal, textProblem } from './text';

describe('text', () => {
  it.each([
    ['a\u0000b', 'CONTROL_CHARACTER'],
    ['bell\u0007', 'CONTROL_CHARACTER'],
    ['del\u007f', 'CONTROL_CHARACTER'],
    ['c1\u0085', 'CONTROL_CHARACTER'],
    ['gpj\u202Eexe', 'INVISIBLE_FORMATTING'],
    ['mark\u200F', 'INVISIBLE_FORMATTING'],
    ['isolate\u2067x\u2069', 'INVISIBLE_FORMATTING'],
    ['half\uD800', 'MALFORMED_UNICODE'],
    ['\uDC00half', 'MALFORMED_UNICODE'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it.each(['清河省', 'Qinghe', 'line\nbreak\tand tab\r\n', 'emoji 😀 (a surrogate pair)', "O'Brien — “quoted”"])('accepts %j', (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it('composes (NFC) and trims, unless told to keep the white space', () => {
    expect(normalizeText('  Cafe\u0301  ')).toBe('Café');
    expect(normalizeText('  Cafe\u0301  ').length).toBe(4);
    expect(normalizeText(' pass word ', { trim: false })).toBe(' pass word ');
    expect(normalizeText('   ')).toBe('');
  });

  it('reads decimals only: no hex, binary, Infinity or empty text', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' -0.5 ')).toBe(-0.5);
    expect(parseDecimal('1.2e3')).toBe(1200);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('5.')).toBe(5);
    for (const text of ['0x1F', '0b101', '0o17', 'Infinity', '-Infinity', 'NaN', '', ' ', '1e400', '1,5', '12abc', '--1']) {
      expect(parseDecimal(text), text).toBeNull();
    }
  });

  it('takes e-mail addresses in ASCII only', () => {
    expect(isAsciiEmail('province@massline.demo')).toBe(true);
    expect(isAsciiEmail('user@xn--fiqs8s.example')).toBe(true);
    expect(isAsciiEmail('pr\u043Evince@massline.demo')).toBe(false);
    expect(isAsciiEmail('用户@例子.中国')).toBe(false);
  });
});
