/**
 * CSV as RFC 4180 writes it: comma-separated, fields quoted with " when they hold a comma, a quote or a
 * line break, quotes doubled inside. A byte-order mark and CRLF line ends are accepted. Each record
 * keeps the line it starts on, so that an import can say which line is wrong.
 *
 * Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return:
 * `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`) is written with a leading apostrophe, which spreadsheets show as
 * text (OWASP's advice against CSV injection); the reader takes that apostrophe off again, so an export
 * re-imports unchanged. Numbers are written as they are: a negative number is not a formula.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(unneutralize(wasQuoted ? cell : cell.trim()));
    cell = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell.trim() !== '') throw new CsvSyntaxError(line, 'a quote in the middle of an unquoted field');
      cell = '';
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      if (ch.trim() !== '') throw new CsvSyntaxError(line, 'text after a closing quote');
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  endRecord();
  return records;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would evaluate, made inert with a leading apostrophe. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function unneutralize(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : neutralize(value);
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map((value) => quote(cellText(value))).join(',')).join('\r\n') + '\r\n';
}
