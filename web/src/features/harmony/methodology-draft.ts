import { harmony } from '@massline/shared';
import type { VariablesOf } from '../../app/graphql';
import { numberOrNaN } from '../../lib/parse-number';
import type { GradeCode } from './harmony-format';
import type { MethodologyVersion } from './methodology-details';
import type { CreateMethodologyVersionMutation } from './methodology.operations';
import type { CatalogueIndicator } from './use-harmony-data';

/** The new-version form's state: text as typed, turned into numbers only when checked and sent. */
export type NormalizationKind = 'GOALPOSTS' | 'MIN_MAX' | 'Z_SCORE';
export const NORMALIZATION_KINDS: readonly NormalizationKind[] = ['GOALPOSTS', 'MIN_MAX', 'Z_SCORE'];

export interface IndicatorDraft {
  code: string;
  included: boolean;
  weight: string;
  normalization: NormalizationKind;
  lower: string;
  upper: string;
  redLine: string;
}

export interface MethodologyDraft {
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  indicators: IndicatorDraft[];
  aggregation: 'ARITHMETIC' | 'GEOMETRIC';
  bands: { code: GradeCode; minimum: string }[];
  /** In percent, as people say it: 65. */
  coverage: string;
  indexBelow: { enabled: boolean; threshold: string };
  fall: { enabled: boolean; points: string };
  redLineRule: boolean;
  winsorise: boolean;
  activate: boolean;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A draft that starts from a version (the active one): every indicator of the catalogue, those of the version ticked. */
export function draftFrom(
  version: MethodologyVersion | undefined,
  catalogue: readonly Pick<CatalogueIndicator, 'code' | 'goalpostLower' | 'goalpostUpper' | 'redLine'>[],
): MethodologyDraft {
  const settings = new Map(version?.indicators.map((setting) => [setting.code, setting]) ?? []);
  const indexBelow = version?.alertRules.find((rule) => rule.kind === 'INDEX_BELOW');
  const fall = version?.alertRules.find((rule) => rule.kind === 'FALL_SINCE_PREVIOUS');
  const codes = [...settings.keys(), ...catalogue.map((indicator) => indicator.code).filter((code) => !settings.has(code))];
  return {
    name: '',
    nameZh: '',
    description: '',
    descriptionZh: '',
    // The version's weights as a person reads them (0.1429, not 0.142857142857…), still totalling 1.
    indicators: withWeights(
      codes.map((code) => {
        const setting = settings.get(code);
        const indicator = catalogue.find((candidate) => candidate.code === code);
        return {
          code,
          included: setting !== undefined,
          weight: text(setting?.weight ?? 0),
          normalization: setting?.normalization ?? 'GOALPOSTS',
          lower: text(setting?.lower ?? indicator?.goalpostLower),
          upper: text(setting?.upper ?? indicator?.goalpostUpper),
          redLine: text(setting ? setting.redLine : indicator?.redLine),
        };
      }),
      (indicator) => Number(indicator.weight),
    ),
    aggregation: version?.aggregation ?? 'ARITHMETIC',
    bands: (version?.gradeBands.length ? version.gradeBands : harmony.DEFAULT_GRADE_BANDS).map((band) => ({
      code: band.code,
      minimum: text(band.minimum),
    })),
    coverage: text(Math.round((version?.coverageThreshold ?? harmony.DEFAULT_COVERAGE_THRESHOLD) * 1000) / 10),
    indexBelow: { enabled: version ? indexBelow !== undefined : true, threshold: text(indexBelow?.threshold ?? 60) },
    fall: { enabled: version ? fall !== undefined : true, points: text(fall?.points ?? 5) },
    redLineRule: version ? version.alertRules.some((rule) => rule.kind === 'RED_LINE') : true,
    winsorise: version?.winsorise ?? false,
    activate: false,
  };
}

export function weightSum(draft: MethodologyDraft): number {
  return draft.indicators.filter((indicator) => indicator.included).reduce((sum, indicator) => sum + (Number(indicator.weight) || 0), 0);
}

/** Weights must total 1 as the server checks it (shared tolerance), not merely look like 1.000. */
export function weightsTotalOne(sum: number): boolean {
  return Math.abs(sum - 1) <= harmony.WEIGHT_SUM_TOLERANCE;
}

export function equalized(draft: MethodologyDraft): MethodologyDraft {
  const count = draft.indicators.filter((indicator) => indicator.included).length;
  if (count === 0) return draft;
  return {
    ...draft,
    indicators: withWeights(draft.indicators, () => 1 / count),
  };
}

/** Keeps the proportions and makes the weights total 1. */
export function scaledToOne(draft: MethodologyDraft): MethodologyDraft {
  const sum = weightSum(draft);
  if (!(sum > 0)) return draft;
  return {
    ...draft,
    indicators: withWeights(draft.indicators, (indicator) => (Number(indicator.weight) || 0) / sum),
  };
}

/**
 * Weights as a person reads them: 4 decimals (0.1429, not 0.142857142857…). When they total 1 they still
 * do exactly, in ten-thousandths: each is rounded and the last takes the remainder (6 × 0.1429 + 0.1426).
 */
export function fourDecimalWeights(weights: readonly number[]): string[] {
  const units = weights.map((weight) => Math.round(weight * 10_000));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (units.length > 0 && Math.abs(total - 1) <= 1e-6) units[units.length - 1] += 10_000 - units.reduce((sum, unit) => sum + unit, 0);
  return units.map((unit) => (unit / 10_000).toFixed(4));
}

/** The ticked indicators' weights set by `weightOf`, shown with 4 decimals and totalling 1 exactly when they should. */
function withWeights(indicators: readonly IndicatorDraft[], weightOf: (indicator: IndicatorDraft) => number): IndicatorDraft[] {
  const included = indicators.filter((indicator) => indicator.included);
  const texts = fourDecimalWeights(included.map(weightOf));
  return indicators.map((indicator) => (indicator.included ? { ...indicator, weight: texts[included.indexOf(indicator)] } : indicator));
}

export type DraftProblems = Record<string, string>;

type DraftProblemKey =
  | 'harmony.methodology.problem.name'
  | 'harmony.methodology.problem.nameZh'
  | 'harmony.methodology.problem.noIndicator'
  | 'harmony.methodology.problem.weight'
  | 'harmony.methodology.problem.weightNegative'
  | 'harmony.methodology.problem.weightSumIs'
  | 'harmony.methodology.problem.goalposts'
  | 'harmony.methodology.problem.goalpostsOrder'
  | 'harmony.methodology.problem.number'
  | 'harmony.methodology.problem.bands'
  | 'harmony.methodology.problem.bandNumber'
  | 'harmony.methodology.problem.bandRange'
  | 'harmony.methodology.problem.bandOrder'
  | 'harmony.methodology.problem.bandLowest'
  | 'harmony.methodology.problem.coverage'
  | 'harmony.methodology.problem.coverageRange'
  | 'harmony.methodology.problem.threshold'
  | 'harmony.methodology.problem.thresholdRange'
  | 'harmony.methodology.problem.points'
  | 'harmony.methodology.problem.pointsRange';

/** What wording the problems needs: the messages, numbers in the reader's format, a grade's name in their language. */
export interface DraftProblemI18n {
  t(key: DraftProblemKey, params?: Record<string, string | number>): string;
  formatNumber(value: number): string;
  gradeName(code: string): string;
}

/**
 * One shared rule's problem in the reader's words, with the numbers it names (the sum the weights reach,
 * a band's minimum, the bounds a value lies within): the generic message of its field when it names none.
 */
function wordProblem(found: harmony.RuleProblem, i18n: DraftProblemI18n): string {
  const { t, formatNumber, gradeName } = i18n;
  const { params, field } = found;
  const number = (name: string, scale = 1) => formatNumber(Number(params[name]) * scale);
  const bounds = (scale = 1) => ({ got: number('got', scale), min: number('min', scale), max: number('max', scale) });
  const [head, , part] = field.split('.');
  switch (head) {
    case 'weights':
      if ('sum' in params) return t('harmony.methodology.problem.weightSumIs', { sum: number('sum'), expected: number('expected') });
      return 'got' in params
        ? t('harmony.methodology.problem.weightNegative', { got: number('got') })
        : t('harmony.methodology.problem.weight');
    case 'indicators':
      if (part === 'redLine') return t('harmony.methodology.problem.number');
      return 'lower' in params
        ? t('harmony.methodology.problem.goalpostsOrder', { lower: number('lower'), upper: number('upper') })
        : t('harmony.methodology.problem.goalposts');
    case 'gradeBands': {
      const band = typeof params.band === 'string' ? gradeName(params.band) : '';
      if ('previous' in params)
        return t('harmony.methodology.problem.bandOrder', {
          band,
          minimum: number('minimum'),
          previous: gradeName(String(params.previous)),
          previousMinimum: number('previousMinimum'),
        });
      if ('max' in params)
        return t('harmony.methodology.problem.bandRange', { band, minimum: number('minimum'), min: number('min'), max: number('max') });
      if ('expected' in params)
        return t('harmony.methodology.problem.bandLowest', { band, minimum: number('minimum'), expected: number('expected') });
      return found.code === 'NON_FINITE_VALUE' && band
        ? t('harmony.methodology.problem.bandNumber', { band })
        : t('harmony.methodology.problem.bands');
    }
    case 'coverageThreshold':
      // A share on the wire, a percentage in the form.
      return 'got' in params ? t('harmony.methodology.problem.coverageRange', bounds(100)) : t('harmony.methodology.problem.coverage');
    default:
      if (field === 'alertRules.INDEX_BELOW')
        return 'got' in params ? t('harmony.methodology.problem.thresholdRange', bounds()) : t('harmony.methodology.problem.threshold');
      return 'got' in params ? t('harmony.methodology.problem.pointsRange', bounds()) : t('harmony.methodology.problem.points');
  }
}

/**
 * The draft as the shared rules see it: numbers read from the text (bad or empty text is NaN, which the
 * rules refuse as not a number), only the ticked indicators, coverage as a share.
 */
export function draftRules(draft: MethodologyDraft): { settings: harmony.MethodologySettings; alertRules: harmony.AlertRule[] } {
  const optional = (text: string) => (text.trim() === '' ? null : numberOrNaN(text));
  return {
    settings: {
      aggregation: draft.aggregation,
      indicators: draft.indicators
        .filter((indicator) => indicator.included)
        .map((indicator) => ({
          code: indicator.code,
          // The direction does not enter the rules checked here; the server takes it from the catalogue.
          direction: 'HIGHER_IS_BETTER',
          weight: numberOrNaN(indicator.weight),
          normalization:
            indicator.normalization === 'GOALPOSTS'
              ? { kind: 'GOALPOSTS', lower: numberOrNaN(indicator.lower), upper: numberOrNaN(indicator.upper) }
              : { kind: indicator.normalization },
          redLine: optional(indicator.redLine),
        })),
      gradeBands: draft.bands.map((band) => ({ code: band.code, minimum: numberOrNaN(band.minimum) })),
      coverageThreshold: numberOrNaN(draft.coverage) / 100,
    },
    alertRules: alertRulesOf(draft),
  };
}

/** The enabled alert rules, as sent (bad text is NaN: see draftProblems). */
function alertRulesOf(draft: MethodologyDraft): harmony.AlertRule[] {
  return [
    ...(draft.indexBelow.enabled ? [{ kind: 'INDEX_BELOW' as const, threshold: numberOrNaN(draft.indexBelow.threshold) }] : []),
    ...(draft.fall.enabled ? [{ kind: 'FALL_SINCE_PREVIOUS' as const, points: numberOrNaN(draft.fall.points) }] : []),
    ...(draft.redLineRule ? [{ kind: 'RED_LINE' as const }] : []),
  ];
}

/** The least a name needs (the server's input says the same). */
const NAME_MIN_LENGTH = 2;

/**
 * What must be fixed before sending, keyed like the form's fields. The rules are shared's, the ones the
 * server applies (methodologySettingsProblems, weightsProblems, alertRulesProblems): the draft is turned
 * into what it would send, and each problem's field is mapped to the input that shows it.
 */
export function draftProblems(draft: MethodologyDraft, i18n: DraftProblemI18n): DraftProblems {
  const { t } = i18n;
  const problems: DraftProblems = {};
  const flag = (field: string, message: string) => {
    problems[field] ??= message;
  };
  if (draft.name.trim().length < NAME_MIN_LENGTH) flag('name', t('harmony.methodology.problem.name'));
  // Both languages, as regions and indicators have them: each reader sees the version named in theirs.
  if (draft.nameZh.trim() === '') flag('nameZh', t('harmony.methodology.problem.nameZh'));
  const { settings, alertRules } = draftRules(draft);
  const included = settings.indicators.map((indicator) => indicator.code);
  for (const found of harmony.methodologySettingsProblems(settings)) {
    const [head, code, part] = found.field.split('.');
    if (head === 'indicators' && code === undefined) flag('indicators', t('harmony.methodology.problem.noIndicator'));
    else if (head === 'indicators' && part === 'redLine') flag(`redLine.${code}`, wordProblem(found, i18n));
    else if (head === 'indicators' && part !== undefined) flag(`goalposts.${code}`, wordProblem(found, i18n));
    else if (head === 'gradeBands') flag('gradeBands', wordProblem(found, i18n));
    else if (head === 'coverageThreshold') flag('coverageThreshold', wordProblem(found, i18n));
  }
  if (included.length > 0) {
    for (const found of harmony.weightsProblems(settings.indicators.map((indicator) => indicator.weight))) {
      const [, position] = found.field.split('.');
      flag(position === undefined ? 'weights' : `weight.${included[Number(position)]}`, wordProblem(found, i18n));
    }
  }
  for (const found of harmony.alertRulesProblems(alertRules)) {
    if (found.field === 'alertRules.INDEX_BELOW') flag('indexBelow', wordProblem(found, i18n));
    if (found.field === 'alertRules.FALL_SINCE_PREVIOUS') flag('fall', wordProblem(found, i18n));
  }
  return problems;
}

type CreateInput = VariablesOf<typeof CreateMethodologyVersionMutation>['input'];

/** The mutation's input from a checked draft. */
export function toInput(draft: MethodologyDraft): CreateInput {
  const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
  return {
    name: draft.name.trim(),
    nameZh: draft.nameZh.trim(),
    description: draft.description.trim() || null,
    descriptionZh: draft.descriptionZh.trim() || null,
    indicators: draft.indicators
      .filter((indicator) => indicator.included)
      .map((indicator) => ({
        code: indicator.code,
        weight: Number(indicator.weight),
        normalization: indicator.normalization,
        lower: indicator.normalization === 'GOALPOSTS' ? Number(indicator.lower) : null,
        upper: indicator.normalization === 'GOALPOSTS' ? Number(indicator.upper) : null,
        redLine: numberOrNull(indicator.redLine),
      })),
    aggregation: draft.aggregation,
    gradeBands: draft.bands.map((band) => ({ code: band.code, minimum: Number(band.minimum) })),
    coverageThreshold: Number(draft.coverage) / 100,
    alertRules: alertRulesOf(draft),
    winsorise: draft.winsorise,
    activate: draft.activate,
  };
}
