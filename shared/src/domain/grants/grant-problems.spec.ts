import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../errors/problems';
import { wireProblemsByField } from './grant-problems';
import {
  bodyDecisionProblems,
  electionProblems,
  noticeProblems,
  recommendationProblems,
  stepOrderProblems,
  takingEffectProblems,
} from './procedure';
import { probationEnd, probationProblems } from './probation';
import { EMPTY_CALENDAR } from './working-days';

describe('the procedure problems as the API carries them', () => {
  it('give each case of votes beyond voters its own code, with its numbers', () => {
    const recommendation = recommendationProblems({
      date: '2026-03-02',
      entitled: 100,
      participants: 80,
      posts: 1,
      candidates: [
        { name: 'A', votes: 81 },
        { name: 'B', votes: 0 },
      ],
    });
    expect(wireProblemsByField(recommendation)).toEqual({
      'candidates.0.votes': { reason: 'CANDIDATE_VOTES_EXCEED_VOTERS', params: { candidate: 'A', votes: 81, voters: 80 } },
    });
    const together = recommendationProblems({
      date: '2026-03-02',
      entitled: 100,
      participants: 80,
      posts: 1,
      candidates: [
        { name: 'A', votes: 50 },
        { name: 'B', votes: 40 },
      ],
    });
    expect(wireProblemsByField(together).candidates).toEqual({
      reason: 'VOTES_EXCEED_VOTERS_TIMES_POSTS',
      params: { votes: 90, voters: 80, posts: 1 },
    });
    const body = bodyDecisionProblems({ date: '2026-03-02', members: 9, present: 6, votesFor: 5, votesAgainst: 1, abstentions: 1 });
    expect(wireProblemsByField(body).votesFor).toEqual({ reason: 'VOTES_EXCEED_PRESENT', params: { votes: 7, present: 6 } });
    const election = electionProblems({ date: '2026-03-02', electors: 10, ballotsCast: 11, posts: 1, candidates: [], elected: 'A' });
    expect(wireProblemsByField(election).ballotsCast).toEqual({ reason: 'BALLOTS_EXCEED_ELECTORS', params: { ballots: 11, electors: 10 } });
  });

  it('name a winner who is not a candidate apart from one without a majority', () => {
    const facts = {
      date: '2026-03-02',
      electors: 10,
      ballotsCast: 8,
      posts: 1,
      candidates: [
        { name: 'A', votes: 4 },
        { name: 'B', votes: 4 },
      ],
    };
    expect(wireProblemsByField(electionProblems({ ...facts, elected: 'C' })).elected.reason).toBe('WINNER_NOT_A_CANDIDATE');
    expect(wireProblemsByField(electionProblems({ ...facts, elected: 'A' })).elected).toEqual({
      reason: 'WINNER_WITHOUT_MAJORITY',
      params: { elected: 'A', votes: 4, ballotsCast: 8, required: 5 },
    });
  });

  it('put step-wide problems under `step`, keep the first per field, and word each in English', () => {
    const found = wireProblemsByField(stepOrderProblems(['MOTION'], 'DECISION'));
    expect(found).toEqual({ step: { reason: 'GRANT_STEP_MISSING', params: { step: 'DECISION', missing: 'RECOMMENDATION, INSPECTION' } } });
    expect(problemMessage(found.step)).toBe('DECISION cannot be recorded before RECOMMENDATION, INSPECTION');
    const taking = wireProblemsByField(takingEffectProblems('2026-03-20', '2026-03-13', [{ answered: false, upheld: false }]));
    expect(taking.step).toEqual({ reason: 'OBJECTIONS_UNANSWERED', params: { unanswered: 1 } });
    const notice = wireProblemsByField(noticeProblems({ start: '2026-03-02', end: '2026-03-05' }, '2026-03-01', EMPTY_CALENDAR));
    expect(notice.end).toEqual({
      reason: 'NOTICE_TOO_SHORT',
      params: { start: '2026-03-02', end: '2026-03-05', workingDays: 4, required: 5 },
    });
    expect(
      wireProblemsByField(recommendationProblems({ date: 'x', entitled: -1, participants: 1, posts: 0, candidates: [] })),
    ).toMatchObject({
      date: { reason: 'GRANT_NOT_A_DATE', params: { got: 'x' } },
      entitled: { reason: 'GRANT_NOT_A_COUNT', params: { got: '-1', min: 0 } },
      posts: { reason: 'GRANT_NOT_A_COUNT', params: { got: '0', min: 1 } },
    });
  });
});

describe('probation', () => {
  it('is confirmed a year after taking effect, not a day before (29 February: the 28th of a common year)', () => {
    expect(probationEnd('2026-03-16')).toBe('2027-03-16');
    expect(probationProblems('APPOINTMENT', '2026-03-16', '2027-03-16', 'CONFIRMED')).toEqual([]);
    expect(probationProblems('APPOINTMENT', '2026-03-16', '2027-03-15', 'CONFIRMED')).toMatchObject([
      { code: 'STEP_DATE_BEFORE_PREVIOUS', params: { date: '2027-03-15', previous: '2027-03-16' } },
    ]);
    expect(probationEnd('2028-02-29')).toBe('2029-02-28');
  });

  it('ends by removal any day after taking effect, never on it or before', () => {
    expect(probationProblems('APPOINTMENT', '2026-03-16', '2026-03-17', 'REMOVED')).toEqual([]);
    expect(probationProblems('APPOINTMENT', '2026-03-16', '2026-03-16', 'REMOVED')).toMatchObject([{ code: 'STEP_DATE_BEFORE_PREVIOUS' }]);
  });

  it('does not exist for an elected post, and wants a date', () => {
    expect(probationProblems('ELECTION', '2026-03-16', '2027-03-16', 'CONFIRMED')).toMatchObject([{ code: 'STEP_OUT_OF_ORDER' }]);
    expect(probationProblems('APPOINTMENT', '2026-03-16', '2027-02-30', 'REMOVED')).toMatchObject([{ code: 'INVALID_DATE' }]);
  });
});
