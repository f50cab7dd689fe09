/**
 * Why one value (a field of an input, a row of a file) is refused, as a code and its parameters: the
 * console renders `problem.<CODE>` in the reader's language with the parameters filled in, and the API's
 * English message is derived here, in this one place, from the same code and parameters. Parameters are
 * numbers and codes (an indicator's code, a region's code, a column's name), never English words, so
 * that every language can say them.
 */

type Params = Record<string, string | number>;

/** The English message of each problem, from its parameters (their types are the parameters the code takes). */
const ENGLISH = {
  REQUIRED: () => 'Required',
  TOO_LONG: ({ max }: { max: number }) => `At most ${max} characters`,
  NOT_A_NUMBER: ({ column, got }: { column: string; got: string }) => `${column} "${got}" is not a number`,
  NOT_FINITE: () => 'Must be a finite number',
  NOT_AN_EMAIL: () => 'Not an e-mail address',
  MUST_BE_FUTURE: () => 'Must be in the future',
  ALREADY_USED: () => 'Already used',
  ALREADY_REGISTERED: () => 'Already registered',
  NO_SUCH_REGION: () => 'No such region',
  UNKNOWN_REGION_CODE: ({ code }: { code: string }) => `No region with code "${code}"`,
  NO_SUCH_ORGANIZATION: () => 'No such organization',
  NO_SUCH_INDICATOR: ({ code }: { code: string }) => `No indicator "${code}"`,
  OUTSIDE_JURISDICTION: () => 'Outside your jurisdiction',
  NO_SUCH_CADRE: () => 'No such cadre',
  NO_SUCH_POST: () => 'No such post',
  NOT_A_DATE: ({ got }: { got: string }) => `"${got}" is not a date (YYYY-MM-DD)`,
  POST_LEVEL_MISMATCH: ({ level, regionLevel }: { level: string; regionLevel: string }) =>
    `A ${level} post does not serve a ${regionLevel} region`,
  POST_ORGANIZATION_ELSEWHERE: () => "The organization is not of the post's region or a region above it",
  TERM_DATES_ORDER: ({ from, to }: { from: string; to: string }) => `A term runs from a date to a later one, got ${from} to ${to}`,
  TERM_TOO_LONG: ({ from, to, maxYears, latest }: { from: string; to: string; maxYears: number; latest: string }) =>
    `${from} to ${to} is longer than ${maxYears} years (at most until ${latest})`,
  POST_ALREADY_HELD: ({ from, to }: { from: string; to: string }) =>
    `The post is held from ${from} to ${to}: two holders of one post at once`,
  THIRD_CONSECUTIVE_TERM: ({ consecutive, max }: { consecutive: number; max: number }) =>
    `This would be term ${consecutive + 1} in a row in the same post: at most ${max} consecutive terms`,
  TOO_LONG_AT_LEVEL: ({ years, max, level }: { years: number; max: number; level: string }) =>
    `With this term, ${years} years at the ${level} level: at most ${max}`,
  TERM_END_OUT_OF_RANGE: ({ from, to }: { from: string; to: string }) => `A term ends after ${from} and at the latest on ${to}`,
  REGION_OUTSIDE_JURISDICTION: ({ region }: { region: string }) => `Region ${region} is outside your jurisdiction`,
  CONTROL_CHARACTER: () => 'Must not contain control characters',
  INVISIBLE_FORMATTING: () => 'Must not contain invisible direction marks',
  MALFORMED_UNICODE: () => 'Is not well-formed Unicode',
  FUTURE_PERIOD: ({ period }: { period: string }) => `${period} has not begun yet: figures describe a period that has started`,
  INVALID_PERIOD: ({ got }: { got: string }) => `"${got}" is not a period: write a year (2026), a quarter (2026-Q3) or a month (2026-07)`,
  OUT_OF_RANGE: ({ indicator, min, max, got }: { indicator: string; min: number; max: number; got: number }) =>
    `${indicator} must be between ${min} and ${max}, got ${got}`,
  BELOW_MINIMUM: ({ indicator, min, got }: { indicator: string; min: number; got: number }) =>
    `${indicator} must be at least ${min}, got ${got}`,
  VALUE_OR_COUNT: () => 'Give either a value or a raw count, not both and not neither',
  TOTAL_WITHOUT_COUNT: () => 'A raw total goes with a raw count',
  INVALID_TOTAL: ({ got }: { got: number }) => `A raw total is a whole number above 0, got ${got}`,
  NOT_A_COUNT_INDICATOR: ({ indicator }: { indicator: string }) => `${indicator} is not entered as a count`,
  COUNT_NOT_WHOLE: () => 'A raw count is a whole number',
  NEGATIVE_COUNT: ({ got }: { got: number }) => `A count must not be negative, got ${got}`,
  COUNT_EXCEEDS_TOTAL: ({ count, total }: { count: number; total: number }) => `Count ${count} exceeds its total ${total}`,
  MISSING_DENOMINATOR: ({ region, period }: { region: string; period: string }) =>
    `No population or households recorded for ${region} in ${period} (or its year)`,
  HOUSEHOLDS_ABOVE_POPULATION: () => 'Cannot exceed the population',
  ORGANIZATION_REQUIRED: () => 'Organization staff belong to an organization',
  ORGANIZATION_REGION: () => "Organization staff have their organization's region as jurisdiction",
  ONLY_STAFF_HAVE_ORGANIZATION: () => 'Only organization staff belong to an organization',
  REJECTION_REASON_REQUIRED: () => 'Say why the residence is rejected',
  PASSWORD_TOO_SHORT: ({ min }: { min: number }) => `At least ${min} characters`,
  PASSWORD_UNCHANGED: () => 'The new password is the current one',
  WRONG_CURRENT_PASSWORD: () => 'This is not your current password',
  RESOLUTION_NOTE_REQUIRED: () => 'Say how it was resolved',
  TOWNSHIP_HAS_NO_CHILDREN: () => 'A township cannot have children',
  TOO_FEW_ASSESSED_REGIONS: () => 'Needs at least two assessed regions under this region in this period',
  SHARES_COUNT: () => '5 quintile or 10 decile shares',
  GOALPOSTS_ORDER: ({ lower, upper }: { lower: number; upper: number }) =>
    `The upper goalpost (${upper}) must be above the lower one (${lower})`,
  CSV_SYNTAX: ({ line }: { line: number }) => `Line ${line}: the CSV cannot be read (quotes?)`,
  CSV_LINE: ({ line }: { line: number }) => `Line ${line}`,
  CSV_FIELD_COUNT: ({ got, expected }: { got: number; expected: number }) => `${got} fields, the header has ${expected}`,
  CSV_EMPTY: () => 'The file is empty',
  CSV_HEADER: ({ missing }: { missing: string }) =>
    `The header needs region_code, period, indicator, value, raw_count, raw_total, source (value or raw_count); missing: ${missing}`,
  CSV_NO_ROWS: () => 'No rows under the header',
  CSV_TOO_MANY_ROWS: ({ max }: { max: number }) => `At most ${max} rows per import`,
  CSV_DUPLICATE_ROW: ({ line }: { line: number }) => `The same region, period and indicator as line ${line}`,
  SCORE_RANGE: ({ min, max, got }: { min: number; max: number; got: number }) => `A score is between ${min} and ${max}, got ${got}`,
  GROWTH_RANGE: ({ min, max, got }: { min: number; max: number; got: number }) =>
    `Growth is a percentage between ${min} and ${max}, got ${got}`,
  INVALID_DATE: ({ got }: { got: string }) => `"${got}" is not a date: write it as 2026-07-01`,
  DATE_IN_FUTURE: ({ date }: { date: string }) => `${date} has not come yet`,
  BEFORE_TERM: ({ startsOn }: { startsOn: string }) => `Before the term began (${startsOn})`,
  NEGATIVE_AMOUNT: ({ got }: { got: number }) => `An amount must not be negative, got ${got}`,
  NOT_POSITIVE: ({ got }: { got: number }) => `Must be above 0, got ${got}`,
  WEIGHTS_SUM: ({ sum }: { sum: number }) => `The weights must sum to 1, they sum to ${sum}`,
  GRADE_BANDS: ({ grades }: { grades: string }) => `One band per grade, best first: ${grades}`,
  BANDS_ORDER: ({ above, got }: { above: number; got: number }) => `Must be below the band above (${above}), got ${got}`,
  LOWEST_BAND_ZERO: () => 'The lowest band starts at 0',
  EXCEEDS_SPENDING: ({ part, total }: { part: number; total: number }) => `${part} exceeds the term's total spending of ${total}`,
  BALLOT_ANSWER_MISSING: ({ criterion }: { criterion: string }) => `No answer for ${criterion}: choose a step or "don't know"`,
  BALLOT_ANSWER_TWICE: ({ criterion }: { criterion: string }) => `${criterion} is answered twice`,
  BALLOT_UNKNOWN_CRITERION: ({ criterion }: { criterion: string }) => `${criterion} is not a criterion of this campaign`,
  BALLOT_UNKNOWN_STEP: ({ criterion, step }: { criterion: string; step: string }) =>
    `${step} is not a step of this campaign's scale (answer to ${criterion})`,
  TERM_NOT_IN_CAMPAIGN: () => 'This cadre is not evaluated in this campaign',
  TERM_NOT_IN_REGION: () => "Not a current term of a post in the campaign's region",
  CRITERIA_COUNT: ({ min, max }: { min: number; max: number }) => `Between ${min} and ${max} criteria`,
  CRITERION_CODE_FORMAT: ({ code }: { code: string }) => `"${code}": upper case letters, digits and _, starting with a letter`,
  CRITERION_CODE_TWICE: ({ code }: { code: string }) => `${code} is listed twice`,
  PUBLICATION_THRESHOLD_RANGE: ({ min, max }: { min: number; max: number }) => `A whole number from ${min} to ${max}`,
  CLOSES_BEFORE_OPENS: () => 'Must be after the opening time',
  TERMS_COUNT: ({ min, max }: { min: number; max: number }) => `Between ${min} and ${max} cadres`,
  TERM_TWICE: () => 'The same cadre is listed twice',
  GRANT_STEP_MISSING: ({ step, missing }: { step: string; missing: string }) => `${step} cannot be recorded before ${missing}`,
  GRANT_STEP_OUT_OF_ORDER: ({ step, expected }: { step: string; expected: string }) =>
    `${step} is already recorded: the next step is ${expected}`,
  GRANT_DATE_BEFORE_PREVIOUS: ({ date, previous }: { date: string; previous: string }) =>
    `${date} is before the previous step (${previous})`,
  GRANT_NOT_A_DATE: ({ got }: { got: string }) => `Must be a date (YYYY-MM-DD), got "${got}"`,
  GRANT_NOT_A_CHOICE: ({ got, choices }: { got: string; choices: string }) => `"${got}" is not one of ${choices}`,
  GRANT_NOT_A_COUNT: ({ got, min }: { got: string; min: number }) => `Must be a whole number of ${min} or more, got ${got}`,
  PARTICIPANTS_EXCEED_ENTITLED: ({ participants, entitled }: { participants: number; entitled: number }) =>
    `${participants} participants, more than the ${entitled} entitled to take part`,
  PRESENT_EXCEED_MEMBERS: ({ present, members }: { present: number; members: number }) =>
    `${present} present, more than the ${members} members`,
  CANDIDATE_VOTES_EXCEED_VOTERS: ({ candidate, votes, voters }: { candidate: string; votes: number; voters: number }) =>
    `${candidate} has ${votes} votes, more than the ${voters} who voted`,
  VOTES_EXCEED_VOTERS_TIMES_POSTS: ({ votes, voters, posts }: { votes: number; voters: number; posts: number }) =>
    `${votes} votes in all, more than ${voters} voters × ${posts} posts can give`,
  VOTES_EXCEED_PRESENT: ({ votes, present }: { votes: number; present: number }) =>
    `${votes} votes for, against and abstaining, more than the ${present} present`,
  BALLOTS_EXCEED_ELECTORS: ({ ballots, electors }: { ballots: number; electors: number }) =>
    `${ballots} ballots cast by ${electors} electors`,
  QUORUM_NOT_MET: ({ present, members, required }: { present: number; members: number; required: number }) =>
    `${present} of ${members} members present: a quorum is at least two thirds (${required})`,
  MAJORITY_NOT_REACHED: ({ votesFor, members, required }: { votesFor: number; members: number; required: number }) =>
    `${votesFor} of ${members} members for: more than half of all members (${required}) must be for`,
  TURNOUT_TOO_LOW: ({ ballotsCast, electors, required }: { ballotsCast: number; electors: number; required: number }) =>
    `${ballotsCast} of ${electors} electors voted: more than half (${required}) must vote`,
  WINNER_NOT_A_CANDIDATE: ({ elected }: { elected: string }) => `${elected} is not among the candidates`,
  WINNER_WITHOUT_MAJORITY: ({
    elected,
    votes,
    ballotsCast,
    required,
  }: {
    elected: string;
    votes: number;
    ballotsCast: number;
    required: number;
  }) => `${elected} has ${votes} of ${ballotsCast} ballots: a winner needs more than half (${required})`,
  RECOMMENDATION_NOT_COMPETITIVE: ({ candidates, posts }: { candidates: number; posts: number }) =>
    `${candidates} candidates for ${posts} posts: a recommendation needs more candidates than posts`,
  NOTICE_TOO_SHORT: ({ start, end, workingDays, required }: { start: string; end: string; workingDays: number; required: number }) =>
    `${start} to ${end} is ${workingDays} working days: a notice lasts at least ${required}`,
  NOTICE_BEFORE_DECISION: ({ start, decision }: { start: string; decision: string }) =>
    `The notice starts ${start}, before the decision (${decision})`,
  OBJECTIONS_UNANSWERED: ({ unanswered }: { unanswered: number }) =>
    `${unanswered} objections are not answered yet: every objection is answered before a grant takes effect`,
  OBJECTION_UPHELD: ({ upheld }: { upheld: number }) => `${upheld} objections were upheld: the grant is stopped`,
  CALENDAR_DAY_OUTSIDE_YEAR: ({ day, year }: { day: string; year: number }) => `${day} is not in ${year}`,
  CALENDAR_DAY_TWICE: ({ day }: { day: string }) => `${day} is listed twice`,
  MAKE_UP_DAY_NOT_WEEKEND: ({ day }: { day: string }) => `${day} is a working day already: a make-up day is a Saturday or Sunday`,
  GRANT_TENURE: ({ rule }: { rule: string }) => `The term would break the tenure rule ${rule}`,
  LEDGER_SIZE_OUT_OF_RANGE: ({ got, min, size }: { got: number; min: number; size: number }) =>
    `Must be between ${min} and the ledger's size (${size}), got ${got}`,
} satisfies Record<string, (params: never) => string>;

export type ProblemCode = keyof typeof ENGLISH;
export const PROBLEM_CODES = Object.keys(ENGLISH) as ProblemCode[];

/** The parameters a problem code takes. */
export type ProblemParams<Code extends ProblemCode> = Parameters<(typeof ENGLISH)[Code]> extends [infer P] ? P : Record<string, never>;

/** A refusal of one value: its code and parameters (the wire shape of `extensions.problems` and of a CSV row's error). */
export interface Problem {
  readonly reason: ProblemCode;
  readonly params: Readonly<Params>;
}

/** A problem, with the parameters its code takes checked by the compiler. */
export function problemOf<Code extends ProblemCode>(
  reason: Code,
  ...params: ProblemParams<Code> extends Record<string, never> ? [] : [ProblemParams<Code>]
): Problem {
  return { reason, params: (params[0] ?? {}) as Params };
}

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ENGLISH, code);
}

/** The English message of a problem (the API's `message` and `extensions.fields`, and the logs). */
export function problemMessage(problem: Problem): string {
  const english = ENGLISH[problem.reason] as (params: Params) => string;
  return english(problem.params as Params);
}
