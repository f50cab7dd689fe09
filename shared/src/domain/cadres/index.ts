/**
 * Cadres, posts and terms (PRODUCT.md, mechanisms 2 and 3): the people, the posts they hold and the
 * terms of holding them, shared by mass evaluation and power-granting records. Pure rules used by the
 * server and the console; the tenure limits are mechanism 3's (`grants/tenure.ts`).
 */
export {
  CADRE_TEXT_LENGTHS,
  cadreProblems,
  POST_LEVELS,
  postLevelsFor,
  postProblems,
  REGION_LEVEL_OF_POST,
  type PostFacts,
  type PostLevel,
} from './posts';
export {
  effectiveEnd,
  isCurrentTerm,
  TERM_END_REASONS,
  TERM_RULE_REASONS,
  termEndProblems,
  termProblems,
  type TermDates,
  type TermEndReason,
  type TermProblem,
  type TermRecord,
  type TermRuleReason,
} from './terms';
