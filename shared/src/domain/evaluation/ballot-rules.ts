/**
 * What makes a ballot and a campaign acceptable: the checks the console runs before sending and the
 * server runs before writing, as problems per field (codes with parameters, worded by the console in the
 * reader's language). A field is named as the API's input names it: `answers.<CRITERION>`, `comment`,
 * `criteria.<index>.code`, `termIds`…
 */
import { problemOf, type Problem } from '../../errors/problems';
import { isPeriod } from '../period';
import { textProblem } from '../text';
import { ANSWER_SCALE_CODES, ANSWER_SCALES, type AnswerScaleCode } from './scales';

/** A criterion as a campaign stores it: its code and its wording in both languages. */
export interface CampaignCriterion {
  code: string;
  en: string;
  zhCN: string;
}

/** One answer of a ballot: the criterion's code and the step of the campaign's scale chosen for it. */
export interface BallotAnswer {
  criterion: string;
  step: string;
}

export type FieldProblems = Record<string, Problem>;

export const BALLOT_COMMENT_MAX = 500;
export const CAMPAIGN_LIMITS = {
  title: 200,
  criterionName: 100,
  criteria: { min: 1, max: 20 },
  terms: { min: 1, max: 50 },
  publicationThreshold: { min: 5, max: 100_000 },
} as const;
export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/**
 * The problems of a ballot for a campaign with these criteria and this scale: every criterion answered
 * exactly once (a step of the scale, "don't know" included), nothing else answered, the comment short
 * and clean. Empty: the ballot is acceptable.
 */
export function ballotProblems(
  criteria: readonly Pick<CampaignCriterion, 'code'>[],
  scale: AnswerScaleCode,
  answers: readonly BallotAnswer[],
  comment: string | null = null,
): FieldProblems {
  const problems: FieldProblems = {};
  const steps = new Set(ANSWER_SCALES[scale].steps.map((step) => step.code));
  const known = new Set(criteria.map((criterion) => criterion.code));
  const seen = new Set<string>();
  for (const { criterion, step } of answers) {
    const field = `answers.${criterion}`;
    if (!known.has(criterion)) problems[field] = problemOf('BALLOT_UNKNOWN_CRITERION', { criterion });
    else if (seen.has(criterion)) problems[field] = problemOf('BALLOT_ANSWER_TWICE', { criterion });
    else if (!steps.has(step)) problems[field] = problemOf('BALLOT_UNKNOWN_STEP', { criterion, step });
    seen.add(criterion);
  }
  for (const { code } of criteria) {
    if (!seen.has(code)) problems[`answers.${code}`] = problemOf('BALLOT_ANSWER_MISSING', { criterion: code });
  }
  if (comment !== null) {
    const text = textProblem(comment);
    if (comment.length > BALLOT_COMMENT_MAX) problems.comment = problemOf('TOO_LONG', { max: BALLOT_COMMENT_MAX });
    else if (text) problems.comment = problemOf(text);
  }
  return problems;
}

/**
 * An acceptable ballot's answers as stored: the index of the chosen step in the scale, one per criterion
 * in the campaign's criteria order (the last step of every scale is "don't know").
 */
export function ballotSteps(
  criteria: readonly Pick<CampaignCriterion, 'code'>[],
  scale: AnswerScaleCode,
  answers: readonly BallotAnswer[],
) {
  const steps = ANSWER_SCALES[scale].steps.map((step) => step.code);
  const chosen = new Map(answers.map((answer) => [answer.criterion, answer.step]));
  return criteria.map(({ code }) => {
    const index = steps.indexOf(chosen.get(code) ?? '');
    if (index < 0) throw new RangeError(`no valid answer for ${code}: check ballotProblems first`);
    return index;
  });
}

/** What an organization sets on a campaign (the editor's form, the API's input). */
export interface CampaignDraft {
  title: string;
  titleZh: string;
  period: string;
  scale: string;
  criteria: readonly CampaignCriterion[];
  publicationThreshold: number;
  opensAt: Date;
  closesAt: Date;
  termIds: readonly string[];
}

function nameProblem(text: string, max: number): Problem | null {
  if (text.trim() === '') return problemOf('REQUIRED');
  if (text.length > max) return problemOf('TOO_LONG', { max });
  const problem = textProblem(text);
  return problem ? problemOf(problem) : null;
}

/** The problems of a campaign as drafted; empty: it may be saved (and, once its terms are checked, opened). */
export function campaignProblems(input: CampaignDraft): FieldProblems {
  const problems: FieldProblems = {};
  const set = (field: string, problem: Problem | null) => {
    if (problem && !problems[field]) problems[field] = problem;
  };
  set('title', nameProblem(input.title, CAMPAIGN_LIMITS.title));
  set('titleZh', nameProblem(input.titleZh, CAMPAIGN_LIMITS.title));
  if (!isPeriod(input.period)) set('period', problemOf('INVALID_PERIOD', { got: input.period }));
  if (!(ANSWER_SCALE_CODES as readonly string[]).includes(input.scale)) set('scale', problemOf('REQUIRED'));
  const { criteria, terms, publicationThreshold: k } = CAMPAIGN_LIMITS;
  if (input.criteria.length < criteria.min || input.criteria.length > criteria.max) set('criteria', problemOf('CRITERIA_COUNT', criteria));
  const codes = new Set<string>();
  input.criteria.forEach((criterion, i) => {
    if (!CRITERION_CODE_PATTERN.test(criterion.code))
      set(`criteria.${i}.code`, problemOf('CRITERION_CODE_FORMAT', { code: criterion.code }));
    else if (codes.has(criterion.code)) set(`criteria.${i}.code`, problemOf('CRITERION_CODE_TWICE', { code: criterion.code }));
    codes.add(criterion.code);
    set(`criteria.${i}.en`, nameProblem(criterion.en, CAMPAIGN_LIMITS.criterionName));
    set(`criteria.${i}.zhCN`, nameProblem(criterion.zhCN, CAMPAIGN_LIMITS.criterionName));
  });
  if (!Number.isInteger(input.publicationThreshold) || input.publicationThreshold < k.min || input.publicationThreshold > k.max)
    set('publicationThreshold', problemOf('PUBLICATION_THRESHOLD_RANGE', k));
  if (!(input.closesAt.getTime() > input.opensAt.getTime())) set('closesAt', problemOf('CLOSES_BEFORE_OPENS'));
  if (input.termIds.length < terms.min || input.termIds.length > terms.max) set('termIds', problemOf('TERMS_COUNT', terms));
  else if (new Set(input.termIds).size !== input.termIds.length) set('termIds', problemOf('TERM_TWICE'));
  return problems;
}
