import { describe, expect, it } from 'vitest';
import { isProblemCode, PROBLEM_CODES, problemMessage, problemOf } from './problems';

describe('problems', () => {
  it('words each problem in English from its code and parameters', () => {
    expect(problemMessage(problemOf('OUT_OF_RANGE', { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 }))).toBe(
      'CADRE_TRUST must be between 0 and 100, got 150',
    );
    expect(problemMessage(problemOf('REQUIRED'))).toBe('Required');
    expect(problemMessage(problemOf('NO_SUCH_REGION'))).toBe('No such region');
    expect(problemMessage(problemOf('UNKNOWN_REGION_CODE', { code: '889' }))).toBe('No region with code "889"');
  });

  it('knows its codes, and nothing else', () => {
    expect(PROBLEM_CODES).toContain('CSV_DUPLICATE_ROW');
    expect(isProblemCode('OUT_OF_RANGE')).toBe(true);
    expect(isProblemCode('toString')).toBe(false);
    expect(isProblemCode(7)).toBe(false);
  });
});
