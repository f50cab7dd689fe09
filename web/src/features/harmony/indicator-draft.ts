import { harmony, parseDecimal } from '@massline/shared';
import type { VariablesOf } from '../../app/graphql';
import { numberOrNaN } from '../../lib/parse-number';
import type { HarmonyI18n } from './harmony-i18n';
import type { CreateIndicatorMutation } from './indicator.operations';

/** The new-indicator form's state: text as typed, turned into numbers only when checked and sent. */
type CreateIndicatorInput = VariablesOf<typeof CreateIndicatorMutation>['input'];
export type IndicatorDirection = CreateIndicatorInput['direction'];
export type RateBasis = CreateIndicatorInput['rateBasis'];

export const DIRECTIONS: readonly IndicatorDirection[] = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];
export const RATE_BASES: readonly RateBasis[] = [
  'NONE',
  'PERCENT',
  'PER_1K_RESIDENTS',
  'PER_10K_RESIDENTS',
  'PER_100K_RESIDENTS',
  'PER_1K_HOUSEHOLDS',
];

/** The catalogue's limits (shared with the server): for the inputs' maxLength. */
export const maxLength = (field: harmony.IndicatorTextField) => harmony.INDICATOR_TEXT_LENGTHS[field].max;

export interface IndicatorDraft {
  code: string;
  nameEn: string;
  nameZh: string;
  unitEn: string;
  unitZh: string;
  direction: IndicatorDirection;
  rateBasis: RateBasis;
  goalpostLower: string;
  goalpostUpper: string;
  redLine: string;
}

export const EMPTY_INDICATOR_DRAFT: IndicatorDraft = {
  code: '',
  nameEn: '',
  nameZh: '',
  unitEn: '',
  unitZh: '',
  direction: 'HIGHER_IS_BETTER',
  rateBasis: 'NONE',
  goalpostLower: '',
  goalpostUpper: '',
  redLine: '',
};

/** What must be fixed before sending (the shared rules), keyed like the input's fields and the server's `extensions.fields`. */
export function indicatorProblems(draft: IndicatorDraft, t: HarmonyI18n['t']): Record<string, string> {
  const redLine = draft.redLine.trim() ? numberOrNaN(draft.redLine) : null;
  const found = harmony.indicatorProblems({
    ...draft,
    goalpostLower: parseDecimal(draft.goalpostLower),
    goalpostUpper: parseDecimal(draft.goalpostUpper),
    redLine,
  });
  const message = (field: string, problem: harmony.IndicatorProblem): string => {
    if (problem === 'REQUIRED') return t('form.required');
    if (problem === 'LENGTH')
      return t('harmony.indicators.problem.length', harmony.INDICATOR_TEXT_LENGTHS[field as harmony.IndicatorTextField]);
    if (problem === 'CODE_PATTERN') return t('harmony.indicators.problem.code');
    if (problem === 'NOT_A_NUMBER') return t('harmony.form.number');
    if (problem === 'GOALPOSTS_ORDER') return t('harmony.indicators.problem.goalposts');
    return t('harmony.indicators.problem.redLine');
  };
  return Object.fromEntries(Object.entries(found).map(([field, problem]) => [field, message(field, problem)]));
}

/** The mutation's input from a checked draft. */
export function toIndicatorInput(draft: IndicatorDraft): CreateIndicatorInput {
  return {
    code: draft.code.trim(),
    nameEn: draft.nameEn.trim(),
    nameZh: draft.nameZh.trim(),
    unitEn: draft.unitEn.trim(),
    unitZh: draft.unitZh.trim(),
    direction: draft.direction,
    rateBasis: draft.rateBasis,
    goalpostLower: Number(draft.goalpostLower),
    goalpostUpper: Number(draft.goalpostUpper),
    redLine: parseDecimal(draft.redLine),
  };
}
