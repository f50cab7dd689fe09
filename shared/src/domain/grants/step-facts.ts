/**
 * The facts of each step as recorded (a JSON object per step, the step's date beside it), read from what
 * a client sent and checked by the procedure's rules. One function per step kind for the server's
 * refusal and the console's form alike: `stepFactsProblems` lists every problem; the server refuses with
 * them all, by field.
 */
import {
  bodyDecisionProblems,
  electionProblems,
  inspectionProblems,
  recommendationProblems,
  type BodyDecisionFacts,
  type Candidate,
  type ElectionFacts,
  type GrantMethod,
  type GrantProblem,
  type InspectionFacts,
  type RecommendationFacts,
} from './procedure';
import { PROBATION_OUTCOMES, type ProbationOutcome } from './probation';

/** Every step a grant records: the procedure's six, then the end of probation (appointments only). */
export const GRANT_RECORD_STEPS = [
  'MOTION',
  'RECOMMENDATION',
  'INSPECTION',
  'DECISION',
  'NOTICE',
  'TAKING_EFFECT',
  'PROBATION_END',
] as const;
export type GrantRecordStep = (typeof GRANT_RECORD_STEPS)[number];

export interface MotionFacts {
  /** What is moved, and by whom. */
  summary: string;
}
export interface NoticeStepFacts {
  /** The last day of the notice (it starts on the step's date). */
  end: string;
}
export interface ProbationFacts {
  outcome: ProbationOutcome;
}

/** A step's facts by kind (the date is the step's, beside them). */
export type StepFacts =
  | MotionFacts
  | Omit<RecommendationFacts, 'date'>
  | Omit<InspectionFacts, 'date'>
  | Omit<BodyDecisionFacts, 'date'>
  | Omit<ElectionFacts, 'date'>
  | NoticeStepFacts
  | Record<string, never>
  | ProbationFacts;

type Raw = Record<string, unknown>;

const shapeProblem = (field: string, value: unknown, message: string): GrantProblem => ({
  code: 'INVALID_COUNT',
  field,
  params: { value: String(value) },
  message,
});

function count(raw: Raw, field: string, found: GrantProblem[]): number {
  const value = raw[field];
  if (typeof value !== 'number') {
    found.push({ code: 'INVALID_COUNT', field, params: { value: String(value) }, message: `${field} must be a number` });
    return Number.NaN;
  }
  return value;
}

function candidates(raw: Raw, found: GrantProblem[]): Candidate[] {
  const list = raw.candidates;
  if (!Array.isArray(list)) {
    found.push({ code: 'INVALID_COUNT', field: 'candidates', params: { value: String(list) }, message: 'candidates must be a list' });
    return [];
  }
  return list.map((item: unknown, i) => {
    const candidate = (item ?? {}) as Raw;
    if (typeof candidate.name !== 'string' || candidate.name.trim() === '' || typeof candidate.votes !== 'number') {
      found.push(shapeProblem(`candidates.${i}.votes`, candidate.votes, 'each candidate has a name and a number of votes'));
    }
    return { name: String(candidate.name ?? '').trim(), votes: typeof candidate.votes === 'number' ? candidate.votes : Number.NaN };
  });
}

/** Reads and checks the facts of a step of a grant by `method` (a decision is a body's vote, or an election). */
export function stepFactsProblems(
  step: GrantRecordStep,
  method: GrantMethod,
  date: string,
  raw: Raw,
): { facts: StepFacts; problems: GrantProblem[] } {
  const shape: GrantProblem[] = [];
  switch (step) {
    case 'MOTION': {
      const summary = typeof raw.summary === 'string' ? raw.summary.trim() : '';
      if (summary === '' || summary.length > 2000) {
        shape.push({
          code: 'INVALID_TEXT',
          field: 'summary',
          params: { length: summary.length, max: 2000 },
          message: 'a motion says what is moved, in 1 to 2000 characters',
        });
      }
      return { facts: { summary }, problems: shape };
    }
    case 'RECOMMENDATION': {
      const facts = {
        entitled: count(raw, 'entitled', shape),
        participants: count(raw, 'participants', shape),
        posts: count(raw, 'posts', shape),
        candidates: candidates(raw, shape),
      };
      return { facts, problems: shape.length > 0 ? shape : recommendationProblems({ date, ...facts }) };
    }
    case 'INSPECTION': {
      const findings = typeof raw.findings === 'string' ? raw.findings.trim() : '';
      const facts = { interviews: count(raw, 'interviews', shape), findings };
      return { facts, problems: shape.length > 0 ? shape : inspectionProblems({ date, ...facts }) };
    }
    case 'DECISION': {
      if (method === 'ELECTION') {
        const facts = {
          electors: count(raw, 'electors', shape),
          ballotsCast: count(raw, 'ballotsCast', shape),
          posts: count(raw, 'posts', shape),
          candidates: candidates(raw, shape),
          elected: typeof raw.elected === 'string' ? raw.elected.trim() : '',
        };
        return { facts, problems: shape.length > 0 ? shape : electionProblems({ date, ...facts }) };
      }
      const facts = {
        members: count(raw, 'members', shape),
        present: count(raw, 'present', shape),
        votesFor: count(raw, 'votesFor', shape),
        votesAgainst: count(raw, 'votesAgainst', shape),
        abstentions: count(raw, 'abstentions', shape),
      };
      return { facts, problems: shape.length > 0 ? shape : bodyDecisionProblems({ date, ...facts }) };
    }
    case 'NOTICE': {
      const end = typeof raw.end === 'string' ? raw.end : '';
      return { facts: { end }, problems: [] };
    }
    case 'TAKING_EFFECT':
      return { facts: {}, problems: [] };
    case 'PROBATION_END': {
      const outcome = raw.outcome as ProbationOutcome;
      if (!PROBATION_OUTCOMES.includes(outcome)) {
        shape.push({
          code: 'INVALID_CHOICE',
          field: 'outcome',
          params: { value: String(raw.outcome), choices: PROBATION_OUTCOMES.join(', ') },
          message: 'outcome is CONFIRMED or REMOVED',
        });
      }
      return { facts: { outcome }, problems: shape };
    }
  }
}
