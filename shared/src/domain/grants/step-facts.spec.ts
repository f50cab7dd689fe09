import { describe, expect, it } from 'vitest';
import { wireProblemsByField } from './grant-problems';
import { stepFactsProblems } from './step-facts';

describe('the facts of a step as sent', () => {
  it('reads a body decision for an appointment and an election for an election, with the rules of each', () => {
    const body = stepFactsProblems('DECISION', 'APPOINTMENT', '2026-03-02', {
      members: 9,
      present: 6,
      votesFor: 5,
      votesAgainst: 1,
      abstentions: 0,
    });
    expect(body).toEqual({ facts: { members: 9, present: 6, votesFor: 5, votesAgainst: 1, abstentions: 0 }, problems: [] });
    // At the boundary: 6 of 9 is exactly two thirds; 5 of 9 is more than half.
    const below = stepFactsProblems('DECISION', 'APPOINTMENT', '2026-03-02', {
      members: 9,
      present: 5,
      votesFor: 4,
      votesAgainst: 1,
      abstentions: 0,
    });
    expect(wireProblemsByField(below.problems)).toEqual({
      present: { reason: 'QUORUM_NOT_MET', params: { present: 5, members: 9, required: 6 } },
      votesFor: { reason: 'MAJORITY_NOT_REACHED', params: { votesFor: 4, members: 9, required: 5 } },
    });
    const election = stepFactsProblems('DECISION', 'ELECTION', '2026-03-02', {
      electors: 100,
      ballotsCast: 51,
      posts: 1,
      candidates: [
        { name: ' A ', votes: 26 },
        { name: 'B', votes: 25 },
      ],
      elected: 'A',
    });
    expect(election.problems).toEqual([]);
    expect(election.facts).toMatchObject({
      candidates: [
        { name: 'A', votes: 26 },
        { name: 'B', votes: 25 },
      ],
    });
  });

  it('refuses facts of the wrong shape before any rule, naming the field', () => {
    expect(
      wireProblemsByField(stepFactsProblems('RECOMMENDATION', 'APPOINTMENT', '2026-03-02', { entitled: '10' }).problems),
    ).toMatchObject({
      entitled: { reason: 'GRANT_NOT_A_COUNT' },
      participants: { reason: 'GRANT_NOT_A_COUNT' },
      candidates: { reason: 'GRANT_NOT_A_COUNT' },
    });
    expect(wireProblemsByField(stepFactsProblems('MOTION', 'APPOINTMENT', '2026-03-02', { summary: '  ' }).problems)).toEqual({
      summary: { reason: 'REQUIRED', params: {} },
    });
    expect(wireProblemsByField(stepFactsProblems('MOTION', 'APPOINTMENT', '2026-03-02', { summary: 'x'.repeat(2001) }).problems)).toEqual({
      summary: { reason: 'TOO_LONG', params: { max: 2000 } },
    });
    expect(stepFactsProblems('MOTION', 'APPOINTMENT', '2026-03-02', { summary: 'x'.repeat(2000) }).problems).toEqual([]);
    expect(wireProblemsByField(stepFactsProblems('PROBATION_END', 'APPOINTMENT', '2027-03-02', { outcome: 'MAYBE' }).problems)).toEqual({
      outcome: { reason: 'GRANT_NOT_A_CHOICE', params: { got: 'MAYBE', choices: 'CONFIRMED, REMOVED' } },
    });
  });

  it('reads an inspection, a notice and a taking effect', () => {
    expect(stepFactsProblems('INSPECTION', 'APPOINTMENT', '2026-03-02', { interviews: 0, findings: ' fine ' })).toEqual({
      facts: { interviews: 0, findings: 'fine' },
      problems: [],
    });
    expect(stepFactsProblems('NOTICE', 'APPOINTMENT', '2026-03-02', { end: '2026-03-06' }).facts).toEqual({ end: '2026-03-06' });
    expect(stepFactsProblems('TAKING_EFFECT', 'APPOINTMENT', '2026-03-09', {})).toEqual({ facts: {}, problems: [] });
  });
});
