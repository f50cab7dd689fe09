import { describe, expect, it } from 'vitest';
import { abilityFor, type Principal } from '@massline/shared';
import type { Region } from '../regions/region.entity';
import type { Indicator } from './indicator.entity';
import { checkImportRows, importPeriods, isImportTable, readImportTable, type ImportReferences } from './observation-import';

const county: Principal = {
  kind: 'USER',
  id: 'u1',
  role: 'ORGANIZATION',
  regionId: 'r1',
  regionPath: '/88/8801/880101/',
  organizationId: 'o',
  citizenStatus: null,
};
const region = (id: string, code: string, path: string) => ({ id, code, path }) as Region;
const inside = region('r1', '880101', '/88/8801/880101/');
const outside = region('r2', '880102', '/88/8801/880102/');
const petitions = {
  id: 'i1',
  code: 'PETITIONS',
  direction: 'LOWER_IS_BETTER',
  rateBasis: 'PER_10K_RESIDENTS',
  goalpostLower: 0,
  goalpostUpper: 100,
} as Indicator;
const references: ImportReferences = {
  regions: new Map([
    [inside.code, inside],
    [outside.code, outside],
  ]),
  indicators: new Map([[petitions.code, petitions]]),
  denominators: new Map([['r1|2024', { population: 20_000, households: 8_000 }]]),
  ability: abilityFor(county),
};

const table = (csv: string) => {
  const read = readImportTable(csv);
  if (!isImportTable(read)) throw new Error(`refused: ${JSON.stringify(read.errors)}`);
  return read;
};

describe('the CSV import of observations', () => {
  it('refuses a file without the needed columns as a whole, saying which are missing', () => {
    const read = readImportTable('region_code,indicator\n880101,PETITIONS\n');
    expect(isImportTable(read)).toBe(false);
    expect(read).toMatchObject({
      accepted: false,
      rowCount: 1,
      errors: [
        { line: 1, reason: expect.stringContaining('missing: period, value'), problem: 'CSV_HEADER', params: { missing: 'period, value' } },
      ],
    });
    expect(readImportTable('')).toMatchObject({ errors: [{ line: 1, reason: 'The file is empty', problem: 'CSV_EMPTY', params: {} }] });
  });

  it('turns good rows into writes, a raw count into a rate with the denominators of the period', () => {
    const { writes, problems } = checkImportRows(
      table('region_code,period,indicator,value,raw_count,source\n880101,2024,petitions,12.5,,survey\n880101,2024-Q1,PETITIONS,,4,\n'),
      { ...references, denominators: new Map([...references.denominators, ['r1|2024-Q1', { population: 20_000, households: 8_000 }]]) },
    );
    expect(problems).toEqual([]);
    expect(writes.map((w) => [w.period, w.value, w.method, w.source])).toEqual([
      ['2024', 12.5, 'DIRECT', 'survey'],
      ['2024-Q1', 2, 'FROM_COUNT', null],
    ]);
  });

  it('reports every bad row with its line and why, each as the coded error the form would get', () => {
    const csv = [
      'region_code,period,indicator,value,raw_count',
      '999999,2024,PETITIONS,1,',
      '880102,2024,PETITIONS,1,',
      '880101,2024-13,PETITIONS,1,',
      '880101,2024,NOPE,1,',
      '880101,2024-Q3,PETITIONS,abc,',
      '880101,2024,PETITIONS,1,',
      '880101,2024,PETITIONS,2,',
      '880101,2025,PETITIONS,,3',
      '880101,2024,PETITIONS,1,,extra',
    ].join('\n');
    const { writes, problems } = checkImportRows(table(csv), references);
    expect(writes).toHaveLength(1);
    expect(problems.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 2, reason: 'No region with code "999999"' },
      { line: 3, reason: 'Region 880102 is outside your jurisdiction' },
      { line: 4, reason: expect.stringContaining('2024-13') },
      { line: 5, reason: 'No indicator "NOPE"' },
      { line: 6, reason: 'value "abc" is not a number' },
      { line: 8, reason: 'The same region, period and indicator as line 7' },
      { line: 9, reason: 'No population or households recorded for 880101 in 2025 (or its year)' },
      { line: 10, reason: '6 fields, the header has 5' },
    ]);
    // The same, as codes and parameters for the console to word in its reader's language.
    expect(problems.map(({ line, errorReason, column, problem, params }) => ({ line, errorReason, column, problem, params }))).toEqual([
      { line: 2, errorReason: 'INVALID_INPUT', column: 'region_code', problem: 'UNKNOWN_REGION_CODE', params: { code: '999999' } },
      {
        line: 3,
        errorReason: 'OUT_OF_JURISDICTION',
        column: 'region_code',
        problem: 'REGION_OUTSIDE_JURISDICTION',
        params: { region: '880102' },
      },
      { line: 4, errorReason: 'INVALID_PERIOD', column: 'period', problem: 'INVALID_PERIOD', params: { got: '2024-13' } },
      { line: 5, errorReason: 'UNKNOWN_INDICATOR', column: 'indicator', problem: 'NO_SUCH_INDICATOR', params: { code: 'NOPE' } },
      { line: 6, errorReason: 'INVALID_OBSERVATION', column: 'value', problem: 'NOT_A_NUMBER', params: { column: 'value', got: 'abc' } },
      { line: 8, errorReason: 'INVALID_CSV', column: 'csv', problem: 'CSV_DUPLICATE_ROW', params: { line: 7 } },
      {
        line: 9,
        errorReason: 'INVALID_OBSERVATION',
        column: 'raw_count',
        problem: 'MISSING_DENOMINATOR',
        params: { region: '880101', period: '2025' },
      },
      { line: 10, errorReason: 'INVALID_CSV', column: 'csv', problem: 'CSV_FIELD_COUNT', params: { got: 6, expected: 5 } },
    ]);
  });

  it('reports an out-of-range value with the indicator and the bounds, the way the form refuses it', () => {
    const trust = { ...petitions, id: 'i2', code: 'CADRE_TRUST', rateBasis: 'PERCENT' } as Indicator;
    const { problems } = checkImportRows(table('region_code,period,indicator,value\n880101,2024,CADRE_TRUST,150\n'), {
      ...references,
      indicators: new Map([[trust.code, trust]]),
    });
    expect(problems).toEqual([
      {
        line: 2,
        reason: 'CADRE_TRUST must be between 0 and 100, got 150',
        errorReason: 'INVALID_OBSERVATION',
        column: 'value',
        problem: 'OUT_OF_RANGE',
        params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 },
      },
    ]);
  });

  it('collects the valid periods of the rows, skipping the bad ones', () => {
    expect(importPeriods(table('region_code,period,indicator,value\n880101,2024,P,1\n880101,bad,P,1\n880101,2024-Q2,P,1\n'))).toEqual([
      '2024',
      '2024-Q2',
    ]);
  });
});
