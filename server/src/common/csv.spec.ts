import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from './csv';

describe('CSV', () => {
  it('parses quoted fields, doubled quotes, CRLF, a BOM and blank lines, keeping line numbers', () => {
    const text = '\uFEFFa,b,c\r\n1, two ,"thr,ee"\r\n\r\n"multi\nline","say ""hi""",\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two', 'thr,ee'] },
      { line: 4, cells: ['multi\nline', 'say "hi"', ''] },
    ]);
  });

  it('refuses broken quoting with the line', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,x"y"')).toThrow(/line 2/);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
  });

  it('writes what it reads', () => {
    const csv = toCsv(
      ['code', 'note'],
      [
        ['88', 'a, "quoted" note'],
        ['8801', null],
      ],
    );
    expect(csv).toBe('code,note\r\n88,"a, ""quoted"" note"\r\n8801,\r\n');
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ['code', 'note'],
      ['88', 'a, "quoted" note'],
      ['8801', ''],
    ]);
  });
});
