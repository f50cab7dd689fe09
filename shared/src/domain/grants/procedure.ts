/**
 * The procedure of a power grant (PRODUCT.md, "Mechanism 3"), step by step, as pure rules. Each rule
 * lists its problems — a code (the API's error reason, which the console translates), the field, the
 * numbers it is about (`params`, for the translated message) and an English message that says what is
 * wrong with which numbers. The server refuses a step with the first problem; the step forms show them
 * all before anything is sent.
 */
import { dayNumber, workingDaysBetween, type WorkingDayCalendar } from './working-days';

export const GRANT_METHODS = ['APPOINTMENT', 'ELECTION'] as const;
export type GrantMethod = (typeof GRANT_METHODS)[number];

export const GRANTING_BODY_KINDS = ['ELECTORATE', 'PEOPLES_CONGRESS', 'PARTY_COMMITTEE', 'STANDING_COMMITTEE'] as const;
export type GrantingBodyKind = (typeof GRANTING_BODY_KINDS)[number];

/** The steps, in the only order they may be recorded. */
export const GRANT_STEPS = ['MOTION', 'RECOMMENDATION', 'INSPECTION', 'DECISION', 'NOTICE', 'TAKING_EFFECT'] as const;
export type GrantStep = (typeof GRANT_STEPS)[number];

export const GRANT_RULE_CODES = [
  'STEP_MISSING',
  'STEP_OUT_OF_ORDER',
  'STEP_DATE_BEFORE_PREVIOUS',
  'INVALID_DATE',
  'INVALID_COUNT',
  'INVALID_TEXT',
  'INVALID_CHOICE',
  'PARTICIPANTS_EXCEED_ENTITLED',
  'PRESENT_EXCEED_MEMBERS',
  'VOTES_EXCEED_VOTERS',
  'QUORUM_NOT_MET',
  'MAJORITY_NOT_REACHED',
  'TURNOUT_TOO_LOW',
  'WINNER_WITHOUT_MAJORITY',
  'RECOMMENDATION_NOT_COMPETITIVE',
  'NOTICE_TOO_SHORT',
  'NOTICE_BEFORE_DECISION',
  'OBJECTIONS_UNANSWERED',
  'OBJECTION_UPHELD',
  'POST_ALREADY_HELD',
  'TERM_TOO_LONG',
  'THIRD_CONSECUTIVE_TERM',
  'TOO_LONG_AT_LEVEL',
] as const;
export type GrantRuleCode = (typeof GRANT_RULE_CODES)[number];

export interface GrantProblem {
  readonly code: GrantRuleCode;
  /** Where, as a path into the step's facts (`candidates.1.votes`), or '' for the step as a whole. */
  readonly field: string;
  /** The numbers the problem is about, for a message in the user's language. */
  readonly params: Readonly<Record<string, number | string>>;
  readonly message: string;
}

const problem = (code: GrantRuleCode, field: string, params: GrantProblem['params'], message: string): GrantProblem => ({
  code,
  field,
  params,
  message,
});

/** The minimum length of a public notice, in working days. */
export const NOTICE_WORKING_DAYS = 5;

export interface Candidate {
  name: string;
  votes: number;
}

export interface RecommendationFacts {
  date: string;
  /** Those entitled to take part in the recommendation. */
  entitled: number;
  participants: number;
  /** Posts to fill (each participant recommends up to this many). */
  posts: number;
  candidates: readonly Candidate[];
}

export interface InspectionFacts {
  date: string;
  interviews: number;
  findings: string;
}

/** A decision by a body's vote (an appointment by a party committee, a standing committee, a congress). */
export interface BodyDecisionFacts {
  date: string;
  members: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/** An election by an electorate (or a congress electing). */
export interface ElectionFacts {
  date: string;
  electors: number;
  ballotsCast: number;
  posts: number;
  candidates: readonly Candidate[];
  /** The candidate elected (by name). */
  elected: string;
}

export interface NoticeFacts {
  start: string;
  end: string;
}

export interface ObjectionState {
  answered: boolean;
  upheld: boolean;
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

function countProblems(facts: Record<string, number>): GrantProblem[] {
  return Object.entries(facts)
    .filter(([, value]) => !isCount(value))
    .map(([field, value]) => problem('INVALID_COUNT', field, { value }, `${field} must be a whole number of 0 or more, got ${value}`));
}

function dateProblems(facts: Record<string, string>): GrantProblem[] {
  return Object.entries(facts)
    .filter(([, value]) => dayNumber(value) === null)
    .map(([field, value]) => problem('INVALID_DATE', field, { value }, `${field} must be a date (YYYY-MM-DD), got "${value}"`));
}

/**
 * Whether `next` may be recorded after the steps already recorded (in order): each step once, none
 * skipped. A correction of a recorded step is not a next step (it refers to the step it corrects).
 */
export function stepOrderProblems(recorded: readonly GrantStep[], next: GrantStep): GrantProblem[] {
  const expected = GRANT_STEPS[recorded.length];
  if (next === expected) return [];
  const nextAt = GRANT_STEPS.indexOf(next);
  if (nextAt > recorded.length) {
    const missing = GRANT_STEPS.slice(recorded.length, nextAt);
    return [
      problem('STEP_MISSING', '', { step: next, missing: missing.join(', ') }, `${next} cannot be recorded before ${missing.join(', ')}`),
    ];
  }
  return [
    problem(
      'STEP_OUT_OF_ORDER',
      '',
      { step: next, expected: expected ?? 'none' },
      expected ? `${next} is already recorded: the next step is ${expected}` : `The procedure is complete: ${next} is already recorded`,
    ),
  ];
}

/** A step's date is not before the previous step's. */
export function stepDateProblems(previousDate: string | null, date: string): GrantProblem[] {
  const invalid = dateProblems({ date });
  if (invalid.length > 0 || previousDate === null) return invalid;
  return dayNumber(date)! < dayNumber(previousDate)!
    ? [
        problem(
          'STEP_DATE_BEFORE_PREVIOUS',
          'date',
          { date, previous: previousDate },
          `${date} is before the previous step (${previousDate})`,
        ),
      ]
    : [];
}

function candidateProblems(candidates: readonly Candidate[], voters: number, posts: number, votersName: string): GrantProblem[] {
  const found: GrantProblem[] = [];
  candidates.forEach((candidate, i) => {
    if (!isCount(candidate.votes)) {
      found.push(
        problem('INVALID_COUNT', `candidates.${i}.votes`, { value: candidate.votes }, `votes must be a whole number of 0 or more`),
      );
    } else if (candidate.votes > voters) {
      found.push(
        problem(
          'VOTES_EXCEED_VOTERS',
          `candidates.${i}.votes`,
          { candidate: candidate.name, votes: candidate.votes, voters },
          `${candidate.name} has ${candidate.votes} votes, more than the ${voters} ${votersName}`,
        ),
      );
    }
  });
  const total = candidates.reduce((sum, candidate) => sum + (isCount(candidate.votes) ? candidate.votes : 0), 0);
  if (found.length === 0 && total > voters * posts) {
    found.push(
      problem(
        'VOTES_EXCEED_VOTERS',
        'candidates',
        { votes: total, voters, posts },
        `${total} votes in all, more than ${voters} ${votersName} × ${posts} post${posts === 1 ? '' : 's'} can give`,
      ),
    );
  }
  return found;
}

/** Democratic recommendation: participants among those entitled, votes within participants, more candidates than posts. */
export function recommendationProblems(facts: RecommendationFacts): GrantProblem[] {
  const found = [...dateProblems({ date: facts.date }), ...countProblems({ entitled: facts.entitled, participants: facts.participants })];
  if (!Number.isInteger(facts.posts) || facts.posts < 1) {
    found.push(problem('INVALID_COUNT', 'posts', { value: facts.posts }, `posts must be 1 or more, got ${facts.posts}`));
  }
  if (found.length > 0) return found;
  if (facts.participants > facts.entitled) {
    found.push(
      problem(
        'PARTICIPANTS_EXCEED_ENTITLED',
        'participants',
        { participants: facts.participants, entitled: facts.entitled },
        `${facts.participants} participants, more than the ${facts.entitled} entitled to take part`,
      ),
    );
  }
  found.push(...candidateProblems(facts.candidates, facts.participants, facts.posts, 'participants'));
  if (facts.candidates.length <= facts.posts) {
    found.push(
      problem(
        'RECOMMENDATION_NOT_COMPETITIVE',
        'candidates',
        { candidates: facts.candidates.length, posts: facts.posts },
        `${facts.candidates.length} candidate${facts.candidates.length === 1 ? '' : 's'} for ${facts.posts} post${facts.posts === 1 ? '' : 's'}: a recommendation needs more candidates than posts`,
      ),
    );
  }
  return found;
}

export function inspectionProblems(facts: InspectionFacts): GrantProblem[] {
  return [...dateProblems({ date: facts.date }), ...countProblems({ interviews: facts.interviews })];
}

/** A body's decision: present within members, votes within those present, a quorum of two thirds, more than half of all members for. */
export function bodyDecisionProblems(facts: BodyDecisionFacts): GrantProblem[] {
  const { members, present, votesFor, votesAgainst, abstentions } = facts;
  const found = [...dateProblems({ date: facts.date }), ...countProblems({ members, present, votesFor, votesAgainst, abstentions })];
  if (found.length > 0) return found;
  if (present > members) {
    found.push(problem('PRESENT_EXCEED_MEMBERS', 'present', { present, members }, `${present} present, more than the ${members} members`));
    return found;
  }
  const votes = votesFor + votesAgainst + abstentions;
  if (votes > present) {
    found.push(
      problem(
        'VOTES_EXCEED_VOTERS',
        'votesFor',
        { votes, present },
        `${votesFor} for + ${votesAgainst} against + ${abstentions} abstaining = ${votes}, more than the ${present} present`,
      ),
    );
  }
  if (present * 3 < members * 2) {
    found.push(
      problem(
        'QUORUM_NOT_MET',
        'present',
        { present, members, required: Math.ceil((members * 2) / 3) },
        `${present} of ${members} members present: a quorum is at least two thirds (${Math.ceil((members * 2) / 3)})`,
      ),
    );
  }
  if (votesFor * 2 <= members) {
    found.push(
      problem(
        'MAJORITY_NOT_REACHED',
        'votesFor',
        { votesFor, members, required: Math.floor(members / 2) + 1 },
        `${votesFor} of ${members} members for: more than half of all members (${Math.floor(members / 2) + 1}) must be for`,
      ),
    );
  }
  return found;
}

/**
 * An election: ballots within electors, votes within ballots, more than half of the electors voting, the
 * winner with more than half of the ballots cast.
 */
export function electionProblems(facts: ElectionFacts): GrantProblem[] {
  const { electors, ballotsCast } = facts;
  const found = [...dateProblems({ date: facts.date }), ...countProblems({ electors, ballotsCast })];
  if (!Number.isInteger(facts.posts) || facts.posts < 1) {
    found.push(problem('INVALID_COUNT', 'posts', { value: facts.posts }, `posts must be 1 or more, got ${facts.posts}`));
  }
  if (found.length > 0) return found;
  if (ballotsCast > electors) {
    found.push(
      problem(
        'VOTES_EXCEED_VOTERS',
        'ballotsCast',
        { votes: ballotsCast, voters: electors },
        `${ballotsCast} ballots cast by ${electors} electors`,
      ),
    );
    return found;
  }
  found.push(...candidateProblems(facts.candidates, ballotsCast, facts.posts, 'ballots cast'));
  if (ballotsCast * 2 <= electors) {
    found.push(
      problem(
        'TURNOUT_TOO_LOW',
        'ballotsCast',
        { ballotsCast, electors, required: Math.floor(electors / 2) + 1 },
        `${ballotsCast} of ${electors} electors voted: more than half (${Math.floor(electors / 2) + 1}) must vote`,
      ),
    );
  }
  const winner = facts.candidates.find((candidate) => candidate.name === facts.elected);
  if (!winner) {
    found.push(problem('WINNER_WITHOUT_MAJORITY', 'elected', { elected: facts.elected }, `${facts.elected} is not among the candidates`));
  } else if (winner.votes * 2 <= ballotsCast) {
    found.push(
      problem(
        'WINNER_WITHOUT_MAJORITY',
        'elected',
        { elected: winner.name, votes: winner.votes, ballotsCast, required: Math.floor(ballotsCast / 2) + 1 },
        `${winner.name} has ${winner.votes} of ${ballotsCast} ballots: a winner needs more than half (${Math.floor(ballotsCast / 2) + 1})`,
      ),
    );
  }
  return found;
}

/** A public notice: from the decision on, at least five working days (weekends, holidays and make-up days as the calendar says). */
export function noticeProblems(facts: NoticeFacts, decisionDate: string, calendar: WorkingDayCalendar): GrantProblem[] {
  const found = dateProblems({ start: facts.start, end: facts.end });
  if (found.length > 0) return found;
  if (dayNumber(facts.start)! < dayNumber(decisionDate)!) {
    found.push(
      problem(
        'NOTICE_BEFORE_DECISION',
        'start',
        { start: facts.start, decision: decisionDate },
        `The notice starts ${facts.start}, before the decision (${decisionDate})`,
      ),
    );
  }
  const days = workingDaysBetween(facts.start, facts.end, calendar);
  if (days < NOTICE_WORKING_DAYS) {
    found.push(
      problem(
        'NOTICE_TOO_SHORT',
        'end',
        { start: facts.start, end: facts.end, workingDays: days, required: NOTICE_WORKING_DAYS },
        `${facts.start} to ${facts.end} is ${days} working day${days === 1 ? '' : 's'}: a notice lasts at least ${NOTICE_WORKING_DAYS}`,
      ),
    );
  }
  return found;
}

/** Taking effect: after the notice has ended, every objection answered, none upheld (an upheld objection stops the grant). */
export function takingEffectProblems(date: string, noticeEnd: string, objections: readonly ObjectionState[]): GrantProblem[] {
  const found = dateProblems({ date });
  if (found.length > 0) return found;
  if (dayNumber(date)! <= dayNumber(noticeEnd)!) {
    found.push(
      problem(
        'STEP_DATE_BEFORE_PREVIOUS',
        'date',
        { date, previous: noticeEnd },
        `${date} is not after the end of the notice (${noticeEnd})`,
      ),
    );
  }
  const unanswered = objections.filter((objection) => !objection.answered).length;
  if (unanswered > 0) {
    found.push(
      problem(
        'OBJECTIONS_UNANSWERED',
        '',
        { unanswered },
        `${unanswered} objection${unanswered === 1 ? ' is' : 's are'} not answered yet: every objection is answered before a grant takes effect`,
      ),
    );
  }
  const upheld = objections.filter((objection) => objection.answered && objection.upheld).length;
  if (upheld > 0) {
    found.push(
      problem('OBJECTION_UPHELD', '', { upheld }, `${upheld} objection${upheld === 1 ? ' was' : 's were'} upheld: the grant is stopped`),
    );
  }
  return found;
}
