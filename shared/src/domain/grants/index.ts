/**
 * Power-granting records (PRODUCT.md, "Mechanism 3"): the procedure's rules step by step, tenure limits,
 * working days for public notices, and the ledger's Merkle tree (RFC 9162) with a portable SHA-256. Pure
 * functions shared by the server, the console and the offline verification script.
 */
export {
  bodyDecisionProblems,
  electionProblems,
  GRANT_METHODS,
  GRANT_RULE_CODES,
  GRANT_STEPS,
  GRANTING_BODY_KINDS,
  inspectionProblems,
  NOTICE_WORKING_DAYS,
  noticeProblems,
  recommendationProblems,
  stepDateProblems,
  stepOrderProblems,
  takingEffectProblems,
  type BodyDecisionFacts,
  type Candidate,
  type ElectionFacts,
  type GrantingBodyKind,
  type GrantMethod,
  type GrantProblem,
  type GrantRuleCode,
  type GrantStep,
  type InspectionFacts,
  type NoticeFacts,
  type ObjectionState,
  type RecommendationFacts,
} from './procedure';
export {
  addYears,
  CONSECUTIVE_GAP_DAYS,
  MAX_CONSECUTIVE_TERMS,
  MAX_TERM_YEARS,
  MAX_YEARS_AT_LEVEL,
  tenureProblems,
  type TermSpan,
} from './tenure';
export { calendarYearProblems, type CalendarYear } from './calendar-problems';
export {
  addDays,
  dayNumber,
  EMPTY_CALENDAR,
  endAfterWorkingDays,
  isIsoDate,
  isoDateOf,
  isWorkingDay,
  workingDaysBetween,
  type WorkingDayCalendar,
} from './working-days';
export {
  consistencyProof,
  equalBytes,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type HashFunction,
  type SubtreeHasher,
} from './merkle';
export { fromHex, sha256, toHex } from './sha256';
export { wireProblemOf, wireProblemsByField } from './grant-problems';
export { PROBATION_OUTCOMES, PROBATION_YEARS, probationEnd, probationProblems, type ProbationOutcome } from './probation';
export {
  GRANT_RECORD_STEPS,
  stepFactsProblems,
  type GrantRecordStep,
  type MotionFacts,
  type NoticeStepFacts,
  type ProbationFacts,
  type StepFacts,
} from './step-facts';
