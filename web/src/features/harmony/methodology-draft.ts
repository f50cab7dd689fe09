import { harmony } from '@massline/shared';
import type { VariablesOf } from '../../app/graphql';
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
  description: string;
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
export function draftFrom(version: MethodologyVersion | undefined, catalogue: readonly CatalogueIndicator[]): MethodologyDraft {
  const settings = new Map(version?.indicators.map((setting) => [setting.code, setting]) ?? []);
  const indexBelow = version?.alertRules.find((rule) => rule.kind === 'INDEX_BELOW');
  const fall = version?.alertRules.find((rule) => rule.kind === 'FALL_SINCE_PREVIOUS');
  const codes = [...settings.keys(), ...catalogue.map((indicator) => indicator.code).filter((code) => !settings.has(code))];
  return {
    name: '',
    description: '',
    indicators: codes.map((code) => {
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
    indicators: draft.indicators.map((indicator) => (indicator.included ? { ...indicator, weight: String(1 / count) } : indicator)),
  };
}

/** Keeps the proportions and makes the weights total 1. */
export function scaledToOne(draft: MethodologyDraft): MethodologyDraft {
  const sum = weightSum(draft);
  if (!(sum > 0)) return draft;
  return {
    ...draft,
    indicators: draft.indicators.map((indicator) =>
      indicator.included ? { ...indicator, weight: String((Number(indicator.weight) || 0) / sum) } : indicator,
    ),
  };
}

export type DraftProblems = Record<string, string>;
type Translate = (
  key:
    | 'harmony.methodology.problem.name'
    | 'harmony.methodology.problem.noIndicator'
    | 'harmony.methodology.problem.weight'
    | 'harmony.methodology.problem.weightSum'
    | 'harmony.methodology.problem.goalposts'
    | 'harmony.methodology.problem.number'
    | 'harmony.methodology.problem.bands'
    | 'harmony.methodology.problem.coverage'
    | 'harmony.methodology.problem.threshold'
    | 'harmony.methodology.problem.points',
) => string;

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));

/** What must be fixed before sending, keyed like the form's fields. */
export function draftProblems(draft: MethodologyDraft, t: Translate): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.name.trim().length < 2) problems.name = t('harmony.methodology.problem.name');
  const included = draft.indicators.filter((indicator) => indicator.included);
  if (included.length === 0) problems.indicators = t('harmony.methodology.problem.noIndicator');
  draft.indicators.forEach((indicator) => {
    if (!indicator.included) return;
    const weight = Number(indicator.weight);
    if (!isNumber(indicator.weight) || weight < 0 || weight > 1)
      problems[`weight.${indicator.code}`] = t('harmony.methodology.problem.weight');
    if (indicator.normalization === 'GOALPOSTS') {
      if (!isNumber(indicator.lower) || !isNumber(indicator.upper) || !(Number(indicator.lower) < Number(indicator.upper))) {
        problems[`goalposts.${indicator.code}`] = t('harmony.methodology.problem.goalposts');
      }
    }
    if (indicator.redLine.trim() !== '' && !isNumber(indicator.redLine))
      problems[`redLine.${indicator.code}`] = t('harmony.methodology.problem.number');
  });
  if (included.length > 0 && !weightsTotalOne(weightSum(draft))) problems.weights = t('harmony.methodology.problem.weightSum');
  const minimums = draft.bands.map((band) => Number(band.minimum));
  const bandsValid =
    draft.bands.every((band) => isNumber(band.minimum)) &&
    minimums.every((minimum) => minimum >= 0 && minimum <= 100) &&
    minimums.every((minimum, index) => index === 0 || minimum < minimums[index - 1]) &&
    minimums[minimums.length - 1] === 0;
  if (!bandsValid) problems.gradeBands = t('harmony.methodology.problem.bands');
  const coverage = Number(draft.coverage);
  if (!isNumber(draft.coverage) || coverage < 0 || coverage > 100) problems.coverageThreshold = t('harmony.methodology.problem.coverage');
  const threshold = Number(draft.indexBelow.threshold);
  if (draft.indexBelow.enabled && (!isNumber(draft.indexBelow.threshold) || threshold <= 0 || threshold > 100)) {
    problems.indexBelow = t('harmony.methodology.problem.threshold');
  }
  const points = Number(draft.fall.points);
  if (draft.fall.enabled && (!isNumber(draft.fall.points) || points <= 0 || points >= 100))
    problems.fall = t('harmony.methodology.problem.points');
  return problems;
}

type CreateInput = VariablesOf<typeof CreateMethodologyVersionMutation>['input'];

/** The mutation's input from a checked draft. */
export function toInput(draft: MethodologyDraft): CreateInput {
  const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
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
    alertRules: [
      ...(draft.indexBelow.enabled ? [{ kind: 'INDEX_BELOW' as const, threshold: Number(draft.indexBelow.threshold) }] : []),
      ...(draft.fall.enabled ? [{ kind: 'FALL_SINCE_PREVIOUS' as const, points: Number(draft.fall.points) }] : []),
      ...(draft.redLineRule ? [{ kind: 'RED_LINE' as const }] : []),
    ],
    winsorise: draft.winsorise,
    activate: draft.activate,
  };
}
