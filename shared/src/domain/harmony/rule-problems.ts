/**
 * Problems instead of exceptions: each rule of this folder that a form can break has a `*Problems()`
 * function listing everything wrong, by field, and a throwing `validate*` form that raises the first of
 * them. The server calls the throwing form (its error code and message are the API's); the console calls
 * the list and shows each problem at its field, so both sides apply one rule.
 */
import { HarmonyMathError, type HarmonyMathErrorCode } from './errors';

export interface RuleProblem {
  /** Where, as a path into the checked value: `gradeBands.2`, `weights.0`, `alertRules.INDEX_BELOW`, `indicators.GINI.lower`. */
  readonly field: string;
  /** Why: the code the throwing form raises, for the console to translate. */
  readonly code: HarmonyMathErrorCode;
  /** The throwing form's message (English, for the API and the logs). */
  readonly message: string;
  /**
   * The numbers and codes the message names (the sum the weights reached, a band's code and minimum, the
   * bounds a value must lie within), for the console to word the problem in the reader's language.
   */
  readonly params: Readonly<RuleProblemParams>;
}

export type RuleProblemParams = Record<string, string | number>;

export function problem(field: string, code: HarmonyMathErrorCode, message: string, params: RuleProblemParams = {}): RuleProblem {
  return { field, code, message, params };
}

/** The throwing form of a `*Problems()` function: the first problem, as the HarmonyMathError it always was. */
export function throwFirstProblem(problems: readonly RuleProblem[]): void {
  const [first] = problems;
  if (first) throw new HarmonyMathError(first.code, first.message);
}

/** The same problems with every field prefixed (`indicators.GINI.` + `lower`), to nest one rule's list in another's. */
export function prefixProblems(prefix: string, problems: readonly RuleProblem[]): RuleProblem[] {
  return problems.map((found) => ({ ...found, field: `${prefix}${found.field}` }));
}
