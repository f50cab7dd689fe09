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

/**
 * An incremental reader: text is pushed as it arrives (a streamed upload, chunk by chunk), and the
 * records completed so far are taken at any time, so a file is never held whole. `end()` completes the
 * last record. A record is complete once the line break after it has been seen (a `\r` at the end of a
 * chunk waits for the next one, which may hold its `\n`).
 */
export class CsvReader {
  private records: CsvRecord[] = [];
  private cells: string[] = [];
  private cell = '';
  private line = 1;
  private recordLine = 1;
  private quoted = false;
  private wasQuoted = false;
  /** A `"` inside a quoted field at the end of a chunk: a doubled quote or the closing one, told by the next character. */
  private pendingQuote = false;
  private pendingCr = false;
  private started = false;

  push(text: string): void {
    let input = text;
    if (!this.started && input.length > 0) {
      this.started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    for (let i = 0; i < input.length; i++) this.step(input[i]);
  }

  /** The records completed since the last call. */
  take(): CsvRecord[] {
    const taken = this.records;
    this.records = [];
    return taken;
  }

  /** Completes the last record; refuses a quoted field never closed. */
  end(): CsvRecord[] {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.quoted = false;
    }
    if (this.quoted) throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed');
    this.pendingCr = false;
    this.endRecord();
    return this.take();
  }

  private step(ch: string): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      if (ch === '\n') return;
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (ch === '"') {
        this.cell += '"';
        return;
      }
      this.quoted = false;
    }
    if (this.quoted) {
      if (ch === '"') this.pendingQuote = true;
      else {
        if (ch === '\n') this.line++;
        this.cell += ch;
      }
      return;
    }
    if (ch === '"') {
      if (this.cell.trim() !== '') throw new CsvSyntaxError(this.line, 'a quote in the middle of an unquoted field');
      this.cell = '';
      this.quoted = true;
      this.wasQuoted = true;
    } else if (ch === ',') this.endCell();
    else if (ch === '\n' || ch === '\r') {
      this.pendingCr = ch === '\r';
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
    } else if (this.wasQuoted) {
      if (ch.trim() !== '') throw new CsvSyntaxError(this.line, 'text after a closing quote');
    } else this.cell += ch;
  }

  private endCell(): void {
    this.cells.push(unneutralize(this.wasQuoted ? this.cell : this.cell.trim()));
    this.cell = '';
    this.wasQuoted = false;
  }

  private endRecord(): void {
    this.endCell();
    if (!(this.cells.length === 1 && this.cells[0] === '')) this.records.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  reader.push(text);
  return reader.end();
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
