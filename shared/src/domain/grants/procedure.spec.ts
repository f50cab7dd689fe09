import { describe, expect, it } from 'vitest';
import {
  bodyDecisionProblems,
  electionProblems,
  inspectionProblems,
  noticeProblems,
  recommendationProblems,
  stepDateProblems,
  stepOrderProblems,
  takingEffectProblems,
  type BodyDecisionFacts,
  type ElectionFacts,
  type GrantProblem,
  type RecommendationFacts,
} from './procedure';
import { EMPTY_CALENDAR, type WorkingDayCalendar } from './working-days';

const codes = (problems: GrantProblem[]) => problems.map((found) => found.code);

describe('the order of the steps', () => {
  it('takes each step once, in order', () => {
    expect(stepOrderProblems([], 'MOTION')).toEqual([]);
    expect(stepOrderProblems(['MOTION', 'RECOMMENDATION', 'INSPECTION'], 'DECISION')).toEqual([]);
  });

  it('refuses a step with one missing before it, naming what is missing', () => {
    const [found] = stepOrderProblems(['MOTION'], 'DECISION');
    expect(found).toMatchObject({ code: 'STEP_MISSING', params: { step: 'DECISION', missing: 'RECOMMENDATION, INSPECTION' } });
    expect(found.message).toBe('DECISION cannot be recorded before RECOMMENDATION, INSPECTION');
  });

  it('refuses a step recorded again, and any step after the last', () => {
    expect(stepOrderProblems(['MOTION', 'RECOMMENDATION'], 'MOTION')[0]).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      params: { expected: 'INSPECTION' },
    });
    const all = ['MOTION', 'RECOMMENDATION', 'INSPECTION', 'DECISION', 'NOTICE', 'TAKING_EFFECT'] as const;
    expect(codes(stepOrderProblems(all, 'NOTICE'))).toEqual(['STEP_OUT_OF_ORDER']);
  });

  it('refuses a step dated before the previous one, and a date that is not one', () => {
    expect(stepDateProblems('2026-03-02', '2026-03-02')).toEqual([]);
    expect(codes(stepDateProblems('2026-03-02', '2026-03-01'))).toEqual(['STEP_DATE_BEFORE_PREVIOUS']);
    expect(codes(stepDateProblems(null, '2026-02-30'))).toEqual(['INVALID_DATE']);
  });
});

describe('democratic recommendation', () => {
  const facts: RecommendationFacts = {
    date: '2026-03-02',
    entitled: 100,
    participants: 80,
    posts: 1,
    candidates: [
      { name: 'Li', votes: 50 },
      { name: 'Wang', votes: 30 },
    ],
  };

  it('passes with more candidates than posts and votes within participants', () => {
    expect(recommendationProblems(facts)).toEqual([]);
  });

  it('is competitive: two candidates for two posts are refused', () => {
    const [found] = recommendationProblems({ ...facts, posts: 2 });
    expect(found).toMatchObject({ code: 'RECOMMENDATION_NOT_COMPETITIVE', params: { candidates: 2, posts: 2 } });
    expect(found.message).toBe('2 candidates for 2 posts: a recommendation needs more candidates than posts');
  });

  it('refuses more participants than entitled, and votes past the participants', () => {
    expect(codes(recommendationProblems({ ...facts, participants: 101 }))).toEqual(['PARTICIPANTS_EXCEED_ENTITLED']);
    const [found] = recommendationProblems({
      ...facts,
      candidates: [
        { name: 'Li', votes: 81 },
        { name: 'Wang', votes: 0 },
      ],
    });
    expect(found).toMatchObject({ code: 'VOTES_EXCEED_VOTERS', field: 'candidates.0.votes' });
    expect(found.message).toBe('Li has 81 votes, more than the 80 participants');
    expect(
      codes(
        recommendationProblems({
          ...facts,
          candidates: [
            { name: 'Li', votes: 80 },
            { name: 'Wang', votes: 1 },
          ],
        }),
      ),
    ).toEqual(['VOTES_EXCEED_VOTERS']);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(codes(recommendationProblems({ ...facts, participants: -1 }))).toEqual(['INVALID_COUNT']);
    expect(codes(recommendationProblems({ ...facts, posts: 0 }))).toEqual(['INVALID_COUNT']);
    expect(codes(inspectionProblems({ date: '2026-03-09', interviews: 2.5, findings: '' }))).toEqual(['INVALID_COUNT']);
  });
});

describe("a body's decision", () => {
  const facts: BodyDecisionFacts = { date: '2026-03-20', members: 30, present: 20, votesFor: 16, votesAgainst: 2, abstentions: 2 };

  it('passes with exactly two thirds present and one more than half of all members for', () => {
    expect(bodyDecisionProblems(facts)).toEqual([]);
  });

  it('refuses a quorum below two thirds, with the numbers', () => {
    const [found] = bodyDecisionProblems({ ...facts, present: 19, abstentions: 1 });
    expect(found).toMatchObject({ code: 'QUORUM_NOT_MET', params: { present: 19, members: 30, required: 20 } });
    expect(found.message).toBe('19 of 30 members present: a quorum is at least two thirds (20)');
  });

  it('refuses "for" that is not more than half of all members (not of those present)', () => {
    const [found] = bodyDecisionProblems({ ...facts, votesFor: 15, votesAgainst: 3 });
    expect(found).toMatchObject({ code: 'MAJORITY_NOT_REACHED', params: { votesFor: 15, members: 30, required: 16 } });
  });

  it('refuses more votes than members present, and more present than members', () => {
    expect(codes(bodyDecisionProblems({ ...facts, abstentions: 3 }))).toEqual(['VOTES_EXCEED_VOTERS']);
    expect(codes(bodyDecisionProblems({ ...facts, present: 31 }))).toEqual(['PRESENT_EXCEED_MEMBERS']);
  });
});

describe('an election', () => {
  const facts: ElectionFacts = {
    date: '2026-03-20',
    electors: 1000,
    ballotsCast: 501,
    posts: 1,
    candidates: [
      { name: 'Zhao', votes: 251 },
      { name: 'Qian', votes: 240 },
    ],
    elected: 'Zhao',
  };

  it('passes with more than half of the electors voting and the winner on more than half of the ballots', () => {
    expect(electionProblems(facts)).toEqual([]);
  });

  it('refuses a turnout of half the electors or less', () => {
    const [found] = electionProblems({ ...facts, ballotsCast: 500, candidates: [{ name: 'Zhao', votes: 260 }] });
    expect(found).toMatchObject({ code: 'TURNOUT_TOO_LOW', params: { ballotsCast: 500, electors: 1000, required: 501 } });
  });

  it('refuses a winner without more than half of the ballots cast, or not among the candidates', () => {
    const [found] = electionProblems({
      ...facts,
      candidates: [
        { name: 'Zhao', votes: 250 },
        { name: 'Qian', votes: 240 },
      ],
    });
    expect(found).toMatchObject({ code: 'WINNER_WITHOUT_MAJORITY', params: { votes: 250, ballotsCast: 501, required: 251 } });
    expect(found.message).toBe('Zhao has 250 of 501 ballots: a winner needs more than half (251)');
    expect(codes(electionProblems({ ...facts, elected: 'Sun' }))).toEqual(['WINNER_WITHOUT_MAJORITY']);
  });

  it('refuses more ballots than electors and more votes than ballots', () => {
    expect(codes(electionProblems({ ...facts, ballotsCast: 1001 }))).toEqual(['VOTES_EXCEED_VOTERS']);
    expect(codes(electionProblems({ ...facts, candidates: [{ name: 'Zhao', votes: 502 }] }))).toContain('VOTES_EXCEED_VOTERS');
  });
});

describe('the public notice', () => {
  const calendar: WorkingDayCalendar = {
    holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
    makeUpDays: new Set(['2026-09-27', '2026-10-10']),
  };

  it('lasts at least five working days: exactly five across a weekend passes, four is refused with the count', () => {
    expect(noticeProblems({ start: '2026-11-27', end: '2026-12-03' }, '2026-11-26', EMPTY_CALENDAR)).toEqual([]);
    const [found] = noticeProblems({ start: '2026-11-27', end: '2026-12-02' }, '2026-11-26', EMPTY_CALENDAR);
    expect(found).toMatchObject({ code: 'NOTICE_TOO_SHORT', params: { workingDays: 4, required: 5 } });
    expect(found.message).toBe('2026-11-27 to 2026-12-02 is 4 working days: a notice lasts at least 5');
  });

  it('counts a holiday week as no working days and a make-up day as one', () => {
    expect(noticeProblems({ start: '2026-09-27', end: '2026-10-08' }, '2026-09-25', calendar)).toEqual([]);
    expect(codes(noticeProblems({ start: '2026-09-28', end: '2026-10-08' }, '2026-09-25', calendar))).toEqual(['NOTICE_TOO_SHORT']);
  });

  it('starts no earlier than the decision', () => {
    expect(codes(noticeProblems({ start: '2026-11-20', end: '2026-12-03' }, '2026-11-26', EMPTY_CALENDAR))).toEqual([
      'NOTICE_BEFORE_DECISION',
    ]);
  });
});

describe('taking effect', () => {
  it('needs the notice over and every objection answered, none upheld', () => {
    expect(takingEffectProblems('2026-12-04', '2026-12-03', [{ answered: true, upheld: false }])).toEqual([]);
    expect(codes(takingEffectProblems('2026-12-03', '2026-12-03', []))).toEqual(['STEP_DATE_BEFORE_PREVIOUS']);
    const [unanswered] = takingEffectProblems('2026-12-04', '2026-12-03', [
      { answered: false, upheld: false },
      { answered: true, upheld: false },
    ]);
    expect(unanswered).toMatchObject({ code: 'OBJECTIONS_UNANSWERED', params: { unanswered: 1 } });
    expect(codes(takingEffectProblems('2026-12-04', '2026-12-03', [{ answered: true, upheld: true }]))).toEqual(['OBJECTION_UPHELD']);
  });
});
