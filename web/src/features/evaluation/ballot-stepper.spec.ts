import { describe, expect, it } from 'vitest';
import {
  ballotAnswers,
  ballotProgress,
  ballotStepper,
  commentInput,
  commentLength,
  initialBallotState,
  nextOpenTerm,
  unansweredCriteria,
  votedTermIds,
  type BallotStepperAction,
} from './ballot-stepper';

const TERMS = ['t1', 't2', 't3'];
const run = (actions: BallotStepperAction[], voted: string[] = []) => actions.reduce(ballotStepper, initialBallotState(TERMS, voted));

describe('the ballot stepper', () => {
  it('starts at the first cadre without a ballot, or at the one linked to while it has none', () => {
    expect(initialBallotState(TERMS, []).current).toBe('t1');
    expect(initialBallotState(TERMS, ['t1']).current).toBe('t2');
    expect(initialBallotState(TERMS, [], 't3').current).toBe('t3');
    expect(initialBallotState(TERMS, ['t3'], 't3').current).toBe('t1');
    expect(initialBallotState(TERMS, [], 'elsewhere').current).toBe('t1');
    expect(initialBallotState(TERMS, TERMS).current).toBeNull();
  });

  it('reads the cadres already evaluated from the API’s myVotes', () => {
    expect(
      votedTermIds([
        { voted: true, term: { id: 't2' } },
        { voted: false, term: { id: 't1' } },
      ]),
    ).toEqual(['t2']);
    expect(votedTermIds(null)).toEqual([]);
  });

  it('finds the next cadre without a ballot after the one given, wrapping round', () => {
    expect(nextOpenTerm(TERMS, ['t1'], 't2')).toBe('t3');
    expect(nextOpenTerm(TERMS, ['t1', 't3'], 't3')).toBe('t2');
    expect(nextOpenTerm(TERMS, TERMS, 't1')).toBeNull();
    expect(nextOpenTerm([], [], null)).toBeNull();
  });

  it('keeps the answers of the cadre on screen, a later answer replacing an earlier one', () => {
    const state = run([
      { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' },
      { type: 'answer', criterion: 'HOUSING', step: 'DONT_KNOW' },
      { type: 'answer', criterion: 'EDUCATION', step: 'DISSATISFIED' },
      { type: 'comment', text: 'Roads first' },
    ]);
    expect(state.answers).toEqual({ EDUCATION: 'DISSATISFIED', HOUSING: 'DONT_KNOW' });
    expect(state.comment).toBe('Roads first');
  });

  it('starts afresh on another cadre, and never reopens one that has a ballot', () => {
    const moved = run([
      { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' },
      { type: 'go', termId: 't2' },
    ]);
    expect(moved).toMatchObject({ current: 't2', answers: {}, comment: '' });
    const voted = run([{ type: 'go', termId: 't2' }], ['t2']);
    expect(voted.current).toBe('t1');
    expect(run([{ type: 'go', termId: 'unknown' }]).current).toBe('t1');
  });

  it('shows the receipt of a ballot cast, takes no answer meanwhile, then moves to the next cadre without one', () => {
    const cast = run([
      { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' },
      { type: 'comment', text: 'Fine' },
      { type: 'cast', termId: 't1', code: 'K7QP2M9XH4TD' },
    ]);
    expect(cast).toMatchObject({ current: 't1', voted: ['t1'], answers: {}, comment: '', receipt: { termId: 't1', code: 'K7QP2M9XH4TD' } });
    expect(ballotStepper(cast, { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' })).toBe(cast);
    expect(ballotStepper(cast, { type: 'go', termId: 't3' })).toBe(cast);
    expect(ballotStepper(cast, { type: 'comment', text: 'x' })).toBe(cast);
    const kept = ballotStepper(cast, { type: 'receiptKept' });
    expect(kept).toMatchObject({ receipt: null, current: 't2' });
    expect(ballotStepper(kept, { type: 'receiptKept' })).toBe(kept);
  });

  it('is done once every cadre has a ballot', () => {
    const done = run([{ type: 'cast', termId: 't3', code: 'A' }, { type: 'receiptKept' }], ['t1', 't2']);
    expect(done.current).toBeNull();
    expect(ballotProgress(done)).toEqual({ position: 3, done: 3, total: 3 });
    expect(ballotStepper(done, { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' })).toBe(done);
  });

  it('moves on when the server says the cadre already has this citizen’s ballot, dropping the answers', () => {
    const refused = run([
      { type: 'answer', criterion: 'EDUCATION', step: 'SATISFIED' },
      { type: 'alreadyVoted', termId: 't1' },
    ]);
    expect(refused).toMatchObject({ current: 't2', voted: ['t1'], answers: {}, receipt: null });
    expect(ballotStepper(refused, { type: 'alreadyVoted', termId: 't1' }).voted).toEqual(['t1']);
  });

  it('counts where the citizen is', () => {
    expect(ballotProgress(run([{ type: 'go', termId: 't3' }], ['t1']))).toEqual({ position: 3, done: 1, total: 3 });
  });
});

describe('a ballot’s answers and comment', () => {
  const criteria = ['EDUCATION', 'HOUSING', 'WORK_STYLE'];

  it('lists the criteria still unanswered, "don’t know" being an answer', () => {
    expect(unansweredCriteria(criteria, { HOUSING: 'DONT_KNOW' })).toEqual(['EDUCATION', 'WORK_STYLE']);
    expect(unansweredCriteria(criteria, { EDUCATION: 'SATISFIED', HOUSING: 'DONT_KNOW', WORK_STYLE: 'DISSATISFIED' })).toEqual([]);
  });

  it('gives every answer in the campaign’s order, only when none is missing', () => {
    expect(ballotAnswers(criteria, { HOUSING: 'DONT_KNOW' })).toBeNull();
    expect(ballotAnswers(criteria, { WORK_STYLE: 'DISSATISFIED', HOUSING: 'DONT_KNOW', EDUCATION: 'SATISFIED' })).toEqual([
      { criterion: 'EDUCATION', step: 'SATISFIED' },
      { criterion: 'HOUSING', step: 'DONT_KNOW' },
      { criterion: 'WORK_STYLE', step: 'DISSATISFIED' },
    ]);
  });

  it('counts a comment’s characters as the shared rule does, composed and trimmed as the server stores it', () => {
    expect(commentLength('  路要修  ')).toBe(3);
    // "e" and a combining accent compose to one "é".
    expect(commentLength('e\u0301')).toBe(1);
    expect(commentInput('   ')).toBeNull();
    expect(commentInput(' 路要修 ')).toBe('路要修');
  });
});
