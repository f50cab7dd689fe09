/**
 * The procedure's problems as the API and the console carry them: each rule's `GrantProblem` becomes a
 * coded `Problem` (shared/src/errors/problems.ts) with a fixed set of parameters per code, so the
 * console words it in the reader's language. Where one rule code covers several cases (votes beyond
 * voters: one candidate, all of them, those present, ballots beyond electors) each case has its own code.
 */
import { problemOf, type Problem } from '../../errors/problems';
import type { GrantProblem } from './procedure';

const text = (value: unknown) => String(value);
const num = (value: unknown) => Number(value);

export function wireProblemOf(found: GrantProblem): Problem {
  const p = found.params;
  switch (found.code) {
    case 'STEP_MISSING':
      return problemOf('GRANT_STEP_MISSING', { step: text(p.step), missing: text(p.missing) });
    case 'STEP_OUT_OF_ORDER':
      return problemOf('GRANT_STEP_OUT_OF_ORDER', { step: text(p.step), expected: text(p.expected) });
    case 'STEP_DATE_BEFORE_PREVIOUS':
      return problemOf('GRANT_DATE_BEFORE_PREVIOUS', { date: text(p.date), previous: text(p.previous) });
    case 'INVALID_DATE':
      return problemOf('GRANT_NOT_A_DATE', { got: text(p.value) });
    case 'INVALID_COUNT':
      return problemOf('GRANT_NOT_A_COUNT', { got: text(p.value), min: found.field === 'posts' ? 1 : 0 });
    case 'INVALID_TEXT':
      return num(p.length) === 0 ? problemOf('REQUIRED') : problemOf('TOO_LONG', { max: num(p.max) });
    case 'INVALID_CHOICE':
      return problemOf('GRANT_NOT_A_CHOICE', { got: text(p.value), choices: text(p.choices) });
    case 'PARTICIPANTS_EXCEED_ENTITLED':
      return problemOf('PARTICIPANTS_EXCEED_ENTITLED', { participants: num(p.participants), entitled: num(p.entitled) });
    case 'PRESENT_EXCEED_MEMBERS':
      return problemOf('PRESENT_EXCEED_MEMBERS', { present: num(p.present), members: num(p.members) });
    case 'VOTES_EXCEED_VOTERS':
      if ('candidate' in p)
        return problemOf('CANDIDATE_VOTES_EXCEED_VOTERS', { candidate: text(p.candidate), votes: num(p.votes), voters: num(p.voters) });
      if ('posts' in p)
        return problemOf('VOTES_EXCEED_VOTERS_TIMES_POSTS', { votes: num(p.votes), voters: num(p.voters), posts: num(p.posts) });
      if ('present' in p) return problemOf('VOTES_EXCEED_PRESENT', { votes: num(p.votes), present: num(p.present) });
      return problemOf('BALLOTS_EXCEED_ELECTORS', { ballots: num(p.votes), electors: num(p.voters) });
    case 'QUORUM_NOT_MET':
      return problemOf('QUORUM_NOT_MET', { present: num(p.present), members: num(p.members), required: num(p.required) });
    case 'MAJORITY_NOT_REACHED':
      return problemOf('MAJORITY_NOT_REACHED', { votesFor: num(p.votesFor), members: num(p.members), required: num(p.required) });
    case 'TURNOUT_TOO_LOW':
      return problemOf('TURNOUT_TOO_LOW', { ballotsCast: num(p.ballotsCast), electors: num(p.electors), required: num(p.required) });
    case 'WINNER_WITHOUT_MAJORITY':
      if (!('votes' in p)) return problemOf('WINNER_NOT_A_CANDIDATE', { elected: text(p.elected) });
      return problemOf('WINNER_WITHOUT_MAJORITY', {
        elected: text(p.elected),
        votes: num(p.votes),
        ballotsCast: num(p.ballotsCast),
        required: num(p.required),
      });
    case 'RECOMMENDATION_NOT_COMPETITIVE':
      return problemOf('RECOMMENDATION_NOT_COMPETITIVE', { candidates: num(p.candidates), posts: num(p.posts) });
    case 'NOTICE_TOO_SHORT':
      return problemOf('NOTICE_TOO_SHORT', {
        start: text(p.start),
        end: text(p.end),
        workingDays: num(p.workingDays),
        required: num(p.required),
      });
    case 'NOTICE_BEFORE_DECISION':
      return problemOf('NOTICE_BEFORE_DECISION', { start: text(p.start), decision: text(p.decision) });
    case 'OBJECTIONS_UNANSWERED':
      return problemOf('OBJECTIONS_UNANSWERED', { unanswered: num(p.unanswered) });
    case 'OBJECTION_UPHELD':
      return problemOf('OBJECTION_UPHELD', { upheld: num(p.upheld) });
    case 'POST_ALREADY_HELD':
    case 'TERM_TOO_LONG':
    case 'THIRD_CONSECUTIVE_TERM':
    case 'TOO_LONG_AT_LEVEL':
      // Tenure is checked where the term is made (the cadres module's termProblems), with its own codes.
      return problemOf('GRANT_TENURE', { rule: found.code });
  }
}

/** The problems of a step by field (the first per field), as an API refusal carries them. */
export function wireProblemsByField(found: readonly GrantProblem[]): Record<string, Problem> {
  const byField: Record<string, Problem> = {};
  for (const one of found) {
    const field = one.field === '' ? 'step' : one.field;
    byField[field] ??= wireProblemOf(one);
  }
  return byField;
}
