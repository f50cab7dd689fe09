import type { VariablesOf } from '../../app/graphql';
import type { I18n } from '../../app/i18n/i18n-provider';
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

/** The server's limits (CreateIndicatorInput): a code of upper case letters, digits and _, 2 to 32 long. */
const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const CODE_MAX_LENGTH = 32;
const LENGTHS = {
  code: { min: 2, max: CODE_MAX_LENGTH },
  nameEn: { min: 2, max: 200 },
  nameZh: { min: 1, max: 200 },
  unitEn: { min: 1, max: 60 },
  unitZh: { min: 1, max: 60 },
} as const;
type TextField = keyof typeof LENGTHS;

export const maxLength = (field: TextField) => LENGTHS[field].max;

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

/** A finite number, or null for empty or anything else (an <input type="number"> gives '' for bad text). */
function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** What must be fixed before sending, keyed like the input's fields (and the server's `extensions.fields`). */
export function indicatorProblems(draft: IndicatorDraft, t: I18n['t']): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of Object.keys(LENGTHS) as TextField[]) {
    const length = draft[field].trim().length;
    const { min, max } = LENGTHS[field];
    if (length === 0) problems[field] = t('form.required');
    else if (length < min || length > max) problems[field] = t('harmony.indicators.problem.length', { min, max });
  }
  const code = draft.code.trim();
  if (code && !CODE_PATTERN.test(code)) problems.code = t('harmony.indicators.problem.code');
  const lower = parseNumber(draft.goalpostLower);
  const upper = parseNumber(draft.goalpostUpper);
  if (lower === null) problems.goalpostLower = t('harmony.form.number');
  if (upper === null) problems.goalpostUpper = t('harmony.form.number');
  else if (lower !== null && !(lower < upper)) problems.goalpostUpper = t('harmony.indicators.problem.goalposts');
  if (draft.redLine.trim() && parseNumber(draft.redLine) === null) problems.redLine = t('harmony.indicators.problem.redLine');
  return problems;
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
    redLine: parseNumber(draft.redLine),
  };
}
