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
      errors: [{ line: 1, reason: expect.stringContaining('missing: period, value') }],
    });
    expect(readImportTable('')).toMatchObject({ errors: [{ line: 1, reason: 'The file is empty' }] });
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
    expect(problems).toEqual([
      { line: 2, reason: 'no region with code "999999"' },
      { line: 3, reason: 'region 880102 is outside your jurisdiction' },
      { line: 4, reason: expect.stringContaining('2024-13') },
      { line: 5, reason: 'no indicator "NOPE"' },
      { line: 6, reason: 'value "abc" is not a number' },
      { line: 8, reason: 'the same region, period and indicator as line 7' },
      { line: 9, reason: 'no population or households recorded for 880101 in 2025 (or its year)' },
      { line: 10, reason: '6 fields, the header has 5' },
    ]);
  });

  it('collects the valid periods of the rows, skipping the bad ones', () => {
    expect(importPeriods(table('region_code,period,indicator,value\n880101,2024,P,1\n880101,bad,P,1\n880101,2024-Q2,P,1\n'))).toEqual([
      '2024',
      '2024-Q2',
    ]);
  });
});
