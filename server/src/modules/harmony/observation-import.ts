import { subject } from '@casl/ability';
import { harmony, parseDecimal, type AppAbility } from '@massline/shared';
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

export interface ImportRowProblem {
  line: number;
  reason: string;
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

/** The file as a table, or the report refusing it as a whole (unreadable, no usable header, no rows, too many). */
export function readImportTable(csv: string): ImportTable | ObservationImportReport {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return rejected(0, [{ line: error.line, reason: error.message }]);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return rejected(0, [{ line: 1, reason: 'The file is empty' }]);
  const columns = header.cells.map((cell) => cell.toLowerCase());
  const hasValue = columns.includes('value') || columns.includes('raw_count');
  const missing = ['region_code', 'period', 'indicator'].filter((column) => !columns.includes(column));
  if (missing.length > 0 || !hasValue) {
    return rejected(rows.length, [
      {
        line: header.line,
        reason: `The header needs ${IMPORT_COLUMNS.join(', ')} (value or raw_count); missing: ${[...missing, ...(hasValue ? [] : ['value'])].join(', ')}`,
      },
    ]);
  }
  if (rows.length === 0) return rejected(0, [{ line: header.line + 1, reason: 'No rows under the header' }]);
  if (rows.length > MAX_IMPORT_ROWS)
    return rejected(rows.length, [{ line: header.line, reason: `At most ${MAX_IMPORT_ROWS} rows per import` }]);
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
      problems.push({ line: row.line, reason: error.message });
    }
  }
  return { writes, problems };
}

/** One row as a write, or the coded error of its first problem. `seen` holds the lines of the rows before it. */
function checkRow(table: ImportTable, row: CsvRecord, references: ImportReferences, seen: Map<string, number>): ObservationWrite {
  const { cell } = table;
  if (row.cells.length > table.columnCount)
    throw new AppError('INVALID_CSV', `${row.cells.length} fields, the header has ${table.columnCount}`);
  const regionCode = cell(row, 'region_code');
  const region = references.regions.get(regionCode);
  if (!region) throw invalidInput({ region_code: 'No such region' }, `no region with code "${regionCode}"`);
  if (!references.ability.can('create', subject('Observation', { region: { path: region.path } })))
    throw new AppError('OUT_OF_JURISDICTION', `region ${region.code} is outside your jurisdiction`);
  const period = observedPeriodCode(cell(row, 'period'));
  const indicator = references.indicators.get(cell(row, 'indicator').toUpperCase());
  if (!indicator) throw new AppError('UNKNOWN_INDICATOR', `no indicator "${cell(row, 'indicator')}"`);
  const key = `${region.id}|${period}|${indicator.code}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) throw new AppError('INVALID_CSV', `the same region, period and indicator as line ${earlier}`);
  seen.set(key, row.line);
  const input = {
    value: numberCell(cell(row, 'value'), 'value'),
    rawCount: numberCell(cell(row, 'raw_count'), 'raw_count'),
    rawTotal: numberCell(cell(row, 'raw_total'), 'raw_total'),
  };
  let computed: { value: number; method: 'DIRECT' | 'FROM_COUNT' };
  try {
    computed = harmony.observationValue(indicator, input, references.denominators.get(`${region.id}|${period}`) ?? {});
  } catch (error) {
    if (harmony.isHarmonyMathError(error) && error.code === 'MISSING_DENOMINATOR') {
      throw new AppError('INVALID_OBSERVATION', `no population or households recorded for ${region.code} in ${period} (or its year)`);
    }
    harmonyInputError(error, input.value !== null ? 'value' : 'raw_count');
  }
  const source = cell(row, 'source');
  if (source.length > MAX_SOURCE_LENGTH)
    throw new AppError('INVALID_OBSERVATION', `source is longer than ${MAX_SOURCE_LENGTH} characters`, { source: 'Too long' });
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

function numberCell(text: string, name: string): number | null {
  if (text === '') return null;
  const value = parseDecimal(text);
  if (value === null) throw new AppError('INVALID_OBSERVATION', `${name} "${text}" is not a number`, { [name]: 'Not a number' });
  return value;
}
