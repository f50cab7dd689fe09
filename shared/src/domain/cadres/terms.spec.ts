import { describe, expect, it } from 'vitest';
import { effectiveEnd, isCurrentTerm, termEndProblems, termProblems, type TermRecord } from './terms';

const term = (startsOn: string, endsOn: string, extra: Partial<TermRecord> = {}): TermRecord => ({
  postId: 'p1',
  level: 'COUNTY',
  startsOn,
  endsOn,
  ...extra,
});

describe('termProblems', () => {
  it('passes a five-year term to the day, in a free post', () => {
    expect(termProblems(term('2021-06-01', '2026-06-01'), [], [])).toEqual([]);
  });

  it('refuses a term one day longer than five years, with the latest end allowed', () => {
    expect(termProblems(term('2021-06-01', '2026-06-02'), [], [])).toEqual([
      {
        field: 'endsOn',
        reason: 'TERM_TOO_LONG',
        problem: { reason: 'TERM_TOO_LONG', params: { from: '2021-06-01', to: '2026-06-02', maxYears: 5, latest: '2026-06-01' } },
      },
    ]);
  });

  it('refuses two holders of one post at once, but not a successor from the day the holder left', () => {
    const holder = term('2021-01-01', '2026-01-01', { endedOn: '2024-03-01' });
    expect(termProblems(term('2024-02-28', '2029-01-01'), [], [holder])).toEqual([
      {
        field: 'startsOn',
        reason: 'POST_ALREADY_HELD',
        problem: { reason: 'POST_ALREADY_HELD', params: { from: '2021-01-01', to: '2024-03-01' } },
      },
    ]);
    expect(termProblems(term('2024-03-01', '2029-01-01'), [], [holder])).toEqual([]);
    // Another post's terms never collide.
    expect(termProblems(term('2024-02-28', '2029-01-01'), [], [{ ...holder, postId: 'p2' }])).toEqual([]);
  });

  it('refuses a third consecutive term in the same post, and allows it after a gap of more than a year', () => {
    const history = [term('2014-01-01', '2019-01-01'), term('2019-01-01', '2024-01-01')];
    expect(termProblems(term('2024-01-01', '2029-01-01'), history, [])).toEqual([
      {
        field: 'postId',
        reason: 'THIRD_CONSECUTIVE_TERM',
        problem: { reason: 'THIRD_CONSECUTIVE_TERM', params: { consecutive: 2, max: 2 } },
      },
    ]);
    expect(termProblems(term('2025-01-02', '2030-01-01'), history, [])).toEqual([]);
  });

  it('refuses more than fifteen years at one level, across posts', () => {
    const history = [
      term('2008-01-01', '2013-01-01', { postId: 'a' }),
      term('2013-01-01', '2018-01-01', { postId: 'b' }),
      term('2018-01-01', '2023-01-01', { postId: 'c' }),
    ];
    const [problem] = termProblems(term('2023-01-01', '2024-01-01'), history, []);
    expect(problem).toMatchObject({ field: 'endsOn', reason: 'TOO_LONG_AT_LEVEL', problem: { params: { max: 15, level: 'COUNTY' } } });
    // Another level's years do not count.
    expect(termProblems(term('2023-01-01', '2024-01-01', { level: 'CITY' }), history, [])).toEqual([]);
  });

  it('puts the most serious problem first: the other holder before the length', () => {
    const reasons = termProblems(term('2021-06-01', '2027-01-01'), [], [term('2020-01-01', '2025-01-01')]).map((p) => p.reason);
    expect(reasons).toEqual(['POST_ALREADY_HELD', 'TERM_TOO_LONG']);
  });

  it('refuses dates that are not dates, or run backwards', () => {
    expect(termProblems(term('2021-02-30', 'soon'), [], []).map((p) => [p.field, p.problem.reason])).toEqual([
      ['startsOn', 'NOT_A_DATE'],
      ['endsOn', 'NOT_A_DATE'],
    ]);
    expect(termProblems(term('2021-06-01', '2021-06-01'), [], [])).toEqual([
      {
        field: 'endsOn',
        reason: 'INVALID_TERM',
        problem: { reason: 'TERM_DATES_ORDER', params: { from: '2021-06-01', to: '2021-06-01' } },
      },
    ]);
  });
});

describe('current terms and ends', () => {
  const held = { startsOn: '2024-01-01', endsOn: '2029-01-01' };

  it('is current from its first day until the day before its planned end, unless ended', () => {
    expect(isCurrentTerm(held, '2023-12-31')).toBe(false);
    expect(isCurrentTerm(held, '2024-01-01')).toBe(true);
    expect(isCurrentTerm(held, '2028-12-31')).toBe(true);
    expect(isCurrentTerm(held, '2029-01-01')).toBe(false);
    expect(isCurrentTerm({ ...held, endedOn: '2026-05-01' }, '2026-04-01')).toBe(false);
    expect(effectiveEnd({ ...held, endedOn: '2026-05-01' })).toBe('2026-05-01');
    expect(effectiveEnd(held)).toBe('2029-01-01');
  });

  it('ends after its first day, at the latest on its planned end and not in the future', () => {
    expect(termEndProblems(held, '2026-05-01', '2026-11-29')).toEqual({});
    expect(termEndProblems(held, '2026-11-29', '2026-11-29')).toEqual({});
    expect(termEndProblems(held, '2026-11-30', '2026-11-29')).toEqual({
      endedOn: { reason: 'TERM_END_OUT_OF_RANGE', params: { from: '2024-01-01', to: '2026-11-29' } },
    });
    expect(termEndProblems(held, '2024-01-01', '2026-11-29')).toHaveProperty('endedOn');
    expect(termEndProblems(held, '2029-01-01', '2030-01-01')).toEqual({});
    expect(termEndProblems(held, '2029-01-02', '2030-01-01')).toHaveProperty('endedOn');
    expect(termEndProblems(held, '1 May', '2026-11-29')).toEqual({ endedOn: { reason: 'NOT_A_DATE', params: { got: '1 May' } } });
  });
});
