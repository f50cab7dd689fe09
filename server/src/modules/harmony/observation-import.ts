import { subject } from '@casl/ability';
import { harmony, parseDecimal, problemMessage, problemOf, type AppAbility, type ErrorReason, type Problem } from '@massline/shared';
import { AppError, invalidInput } from '../../common/app-error';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../../common/csv';
import type { Region } from '../regions/region.entity';
import type { ObservationImportReport } from './dto/harmony.outputs';
import type { ObservationMethod } from './harmony-enums';
import { observedPeriodCode } from '../../common/period';
import { harmonyInputError } from './harmony-errors';
import type { Indicator } from './indicator.entity';

/**
 * The CSV import of observations, apart from the database: the file's shape (header, size), then each
 * row's checks. A row's problem is a coded error (AppError, as `record` throws for the same mistake),
 * collected with its line: the report lists every bad row, and nothing is written unless none is bad.
 */
export const IMPORT_COLUMNS = ['region_code', 'period', 'indicator', 'value', 'raw_count', 'raw_total', 'source'] as const;
export const MAX_IMPORT_ROWS = 50_000;
const MAX_SOURCE_LENGTH = 300;

/** A checked observation, ready to write. */
export interface ObservationWrite {
  region: Region;
  period: string;
  indicator: Indicator;
  value: number;
  rawCount: number | null;
  rawTotal: number | null;
  method: ObservationMethod;
  source: string | null;
  /** The revision the writer saw and corrects (the form's optimistic concurrency); none: whatever is current. */
  expectedRevision?: number | null;
}

/** A bad row (or a file refused as a whole, on its line): the English words, and the code and parameters the console words. */
export interface ImportRowProblem {
  line: number;
  /** The English message (the API's words). */
  reason: string;
  /** The API's reason of the same refusal by the form (INVALID_PERIOD, UNKNOWN_INDICATOR…). */
  errorReason: ErrorReason;
  /** The column blamed, if one is. */
  column: string | null;
  problem: Problem['reason'] | null;
  params: Problem['params'] | null;
}

/** A problem of the file itself, on a line. */
function fileProblem(line: number, problem: Problem): ImportRowProblem {
  return {
    line,
    reason: problemMessage(problem),
    errorReason: 'INVALID_CSV',
    column: null,
    problem: problem.reason,
    params: problem.params,
  };
}

/** A row's coded error as the report's entry: its first coded field, else its reason alone. */
function rowProblem(line: number, error: AppError): ImportRowProblem {
  const [coded] = Object.entries(error.problems ?? {});
  const [column, problem] = coded ?? [Object.keys(error.fields ?? {})[0] ?? null, null];
  return {
    line,
    reason: error.message,
    errorReason: error.reason,
    column,
    problem: problem?.reason ?? null,
    params: problem?.params ?? null,
  };
}

/** The rows of a well-formed file, with the cell of a named column (empty when the file has no such column). */
export interface ImportTable {
  rows: CsvRecord[];
  columnCount: number;
  cell(row: CsvRecord, name: (typeof IMPORT_COLUMNS)[number]): string;
}

/** What the rows refer to, loaded once for the whole file. */
export interface ImportReferences {
  regions: ReadonlyMap<string, Region>;
  indicators: ReadonlyMap<string, Indicator>;
  /** By `regionId|period`. */
  denominators: ReadonlyMap<string, harmony.RateDenominators>;
  ability: AppAbility;
}

export function rejected(rowCount: number, errors: ImportRowProblem[]): ObservationImportReport {
  return { accepted: false, rowCount, written: 0, corrected: 0, errors, recomputedPeriods: [] };
}

/** A file that is not CSV, refused as a whole on the line where it breaks. */
const syntaxRefusal = (error: CsvSyntaxError) =>
  rejected(0, [{ ...fileProblem(error.line, problemOf('CSV_SYNTAX', { line: error.line })), reason: error.message }]);

/**
 * A streamed file's records (CsvUpload's batches), read no further than one row past the limit: the
 * records, or the report refusing the file (unreadable). A file with too many rows is refused by
 * `importTable` like any other, without the rest of it being read.
 */
export async function readImportRecords(batches: AsyncIterable<CsvRecord[]>): Promise<CsvRecord[] | ObservationImportReport> {
  const records: CsvRecord[] = [];
  try {
    for await (const batch of batches) {
      records.push(...batch);
      if (records.length > MAX_IMPORT_ROWS + 1) break;
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return syntaxRefusal(error);
    throw error;
  }
  return records;
}

/** The file as a table, or the report refusing it as a whole (unreadable, no usable header, no rows, too many). */
export function readImportTable(csv: string): ImportTable | ObservationImportReport {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return syntaxRefusal(error);
    throw error;
  }
  return importTable(records);
}

/** Records as a table, or the report refusing them as a whole (no usable header, no rows, too many). */
export function importTable(records: CsvRecord[]): ImportTable | ObservationImportReport {
  const [header, ...rows] = records;
  if (!header) return rejected(0, [fileProblem(1, problemOf('CSV_EMPTY'))]);
  const columns = header.cells.map((cell) => cell.toLowerCase());
  const hasValue = columns.includes('value') || columns.includes('raw_count');
  const missing = ['region_code', 'period', 'indicator'].filter((column) => !columns.includes(column));
  if (missing.length > 0 || !hasValue) {
    return rejected(rows.length, [
      fileProblem(header.line, problemOf('CSV_HEADER', { missing: [...missing, ...(hasValue ? [] : ['value'])].join(', ') })),
    ]);
  }
  if (rows.length === 0) return rejected(0, [fileProblem(header.line + 1, problemOf('CSV_NO_ROWS'))]);
  if (rows.length > MAX_IMPORT_ROWS)
    return rejected(rows.length, [fileProblem(header.line, problemOf('CSV_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS }))]);
  return {
    rows,
    columnCount: columns.length,
    cell: (row, name) => {
      const index = columns.indexOf(name);
      return index < 0 ? '' : (row.cells[index] ?? '').trim();
    },
  };
}

export const isImportTable = (read: ImportTable | ObservationImportReport): read is ImportTable => 'rows' in read;

/** The period codes of the rows that have a valid one (the others are reported row by row). */
export function importPeriods(table: ImportTable): string[] {
  const periods = new Set<string>();
  for (const row of table.rows) {
    try {
      periods.add(observedPeriodCode(table.cell(row, 'period')));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return [...periods];
}

/** Every row checked: the writes if all are good, else every bad row's line and why. */
export function checkImportRows(
  table: ImportTable,
  references: ImportReferences,
): { writes: ObservationWrite[]; problems: ImportRowProblem[] } {
  const writes: ObservationWrite[] = [];
  const problems: ImportRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    try {
      writes.push(checkRow(table, row, references, seen));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(rowProblem(row.line, error));
    }
  }
  return { writes, problems };
}

/** One row as a write, or the coded error of its first problem. `seen` holds the lines of the rows before it. */
function checkRow(table: ImportTable, row: CsvRecord, references: ImportReferences, seen: Map<string, number>): ObservationWrite {
  const { cell } = table;
  if (row.cells.length > table.columnCount)
    throw rowRefusal('INVALID_CSV', null, problemOf('CSV_FIELD_COUNT', { got: row.cells.length, expected: table.columnCount }));
  const regionCode = cell(row, 'region_code');
  const region = references.regions.get(regionCode);
  if (!region) throw invalidInput({ region_code: problemOf('UNKNOWN_REGION_CODE', { code: regionCode }) });
  if (!references.ability.can('create', subject('Observation', { region: { path: region.path } })))
    throw rowRefusal('OUT_OF_JURISDICTION', 'region_code', problemOf('REGION_OUTSIDE_JURISDICTION', { region: region.code }));
  const period = observedPeriodCode(cell(row, 'period'));
  const indicator = references.indicators.get(cell(row, 'indicator').toUpperCase());
  if (!indicator) throw rowRefusal('UNKNOWN_INDICATOR', 'indicator', problemOf('NO_SUCH_INDICATOR', { code: cell(row, 'indicator') }));
  const key = `${region.id}|${period}|${indicator.code}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) throw rowRefusal('INVALID_CSV', null, problemOf('CSV_DUPLICATE_ROW', { line: earlier }));
  seen.set(key, row.line);
  const input = {
    value: numberCell(cell(row, 'value'), 'value'),
    rawCount: numberCell(cell(row, 'raw_count'), 'raw_count'),
    rawTotal: numberCell(cell(row, 'raw_total'), 'raw_total'),
  };
  const computed = computeObservation(
    indicator,
    input,
    references.denominators.get(`${region.id}|${period}`) ?? {},
    { region, period },
    {
      value: 'value',
      count: 'raw_count',
    },
  );
  const source = cell(row, 'source');
  if (source.length > MAX_SOURCE_LENGTH)
    throw rowRefusal('INVALID_OBSERVATION', 'source', problemOf('TOO_LONG', { max: MAX_SOURCE_LENGTH }));
  return {
    region,
    period,
    indicator,
    value: computed.value,
    rawCount: input.rawCount,
    rawTotal: input.rawTotal,
    method: computed.method,
    source: source || null,
  };
}

/**
 * An observation's value (form, API or CSV row alike: shared's observationValue), or its coded refusal
 * blaming the value's or the count's field; a count without the denominators of its region and period
 * says which region and period lack them.
 */
export function computeObservation(
  indicator: Indicator,
  input: harmony.ObservationInput,
  denominators: harmony.RateDenominators,
  where: { region: Region; period: string },
  fields: { value: string; count: string },
): { value: number; method: 'DIRECT' | 'FROM_COUNT' } {
  try {
    return harmony.observationValue(indicator, input, denominators);
  } catch (error) {
    if (harmony.isHarmonyMathError(error) && error.code === 'MISSING_DENOMINATOR') {
      throw rowRefusal(
        'INVALID_OBSERVATION',
        fields.count,
        problemOf('MISSING_DENOMINATOR', { region: where.region.code, period: where.period }),
      );
    }
    return harmonyInputError(error, input.value !== null && input.value !== undefined ? fields.value : fields.count);
  }
}

/** A row's refusal: its problem blames `column` (or the whole row, under `csv`), worded once. */
function rowRefusal(reason: ErrorReason, column: string | null, problem: Problem): AppError {
  return new AppError(reason, problemMessage(problem), { [column ?? 'csv']: problem });
}

function numberCell(text: string, name: string): number | null {
  if (text === '') return null;
  const value = parseDecimal(text);
  if (value === null) throw rowRefusal('INVALID_OBSERVATION', name, problemOf('NOT_A_NUMBER', { column: name, got: text }));
  return value;
}
