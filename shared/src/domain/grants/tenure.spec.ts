import { describe, expect, it } from 'vitest';
import { addYears, tenureProblems, type TermSpan } from './tenure';

const term = (from: string, to: string, changes: Partial<TermSpan> = {}): TermSpan => ({
  post: 'P',
  level: 'COUNTY',
  from,
  to,
  ...changes,
});
const codes = (found: { code: string }[]) => found.map((problem) => problem.code);

describe('tenure limits', () => {
  it('allows a term of exactly five years, not a day more', () => {
    expect(tenureProblems(term('2026-01-15', '2031-01-15'), [], [])).toEqual([]);
    const [found] = tenureProblems(term('2026-01-15', '2031-01-16'), [], []);
    expect(found).toMatchObject({ code: 'TERM_TOO_LONG', params: { latest: '2031-01-15', maxYears: 5 } });
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('refuses a second holder of a post at the same time, and takes the early end of a term into account', () => {
    const holder = term('2024-01-01', '2029-01-01', { post: 'P' });
    expect(codes(tenureProblems(term('2026-06-01', '2031-06-01'), [], [holder]))).toEqual(['POST_ALREADY_HELD']);
    const ended = { ...holder, endedOn: '2025-06-30' };
    expect(tenureProblems(term('2025-06-30', '2030-06-30'), [], [ended])).toEqual([]);
    expect(codes(tenureProblems(term('2025-06-29', '2030-06-29'), [], [ended]))).toEqual(['POST_ALREADY_HELD']);
    expect(tenureProblems(term('2026-06-01', '2031-06-01'), [], [{ ...holder, post: 'Q' }])).toEqual([]);
  });

  it('refuses a third consecutive term in the same post, but not after a break of more than a year', () => {
    const history = [term('2016-01-01', '2021-01-01'), term('2021-01-01', '2026-01-01')];
    const [found] = tenureProblems(term('2026-01-01', '2031-01-01'), history, []);
    expect(found).toMatchObject({ code: 'THIRD_CONSECUTIVE_TERM', params: { consecutive: 2, max: 2 } });
    const withBreak = [term('2014-01-01', '2019-01-01'), term('2020-01-02', '2025-01-02')];
    expect(codes(tenureProblems(term('2025-01-02', '2030-01-02'), withBreak, []))).toEqual([]);
    expect(codes(tenureProblems(term('2026-01-01', '2031-01-01'), [term('2021-01-01', '2026-01-01')], []))).toEqual([]);
    expect(codes(tenureProblems(term('2026-01-01', '2031-01-01', { post: 'Q' }), history, []))).toEqual([]);
  });

  it('allows exactly fifteen years at one level, not more', () => {
    const history = [term('2011-01-01', '2016-01-01', { post: 'A' }), term('2016-01-01', '2021-01-01', { post: 'B' })];
    expect(tenureProblems(term('2021-01-01', '2026-01-01', { post: 'C' }), history, [])).toEqual([]);
    const oneDayMore = [term('2010-12-31', '2016-01-01', { post: 'A' }), history[1]];
    const [found] = tenureProblems(term('2021-01-01', '2026-01-01', { post: 'C' }), oneDayMore, []);
    expect(found).toMatchObject({ code: 'TOO_LONG_AT_LEVEL', params: { max: 15, level: 'COUNTY' } });
    expect(tenureProblems(term('2021-01-01', '2026-01-01', { post: 'C', level: 'CITY' }), oneDayMore, [])).toEqual([]);
  });

  it('refuses a term that does not run forward', () => {
    expect(codes(tenureProblems(term('2026-01-01', '2026-01-01'), [], []))).toEqual(['INVALID_DATE']);
  });
});
