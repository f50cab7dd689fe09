/**
 * What a campaign asks (PRODUCT.md, "Mechanism 2"): livelihood criteria and an answer scale. An answer is
 * a step of the scale; a step without a score ("don't know") is counted as given but never scored.
 */
import type { LocalizedText } from '../harmony/indicators';

export interface ScaleStep {
  readonly code: string;
  /** Points on 0–100; null: not scored ("don't know"). */
  readonly score: number | null;
  readonly names: LocalizedText;
}

export interface AnswerScale {
  readonly code: AnswerScaleCode;
  readonly names: LocalizedText;
  /** Best first; the last step of each scale is "don't know". */
  readonly steps: readonly ScaleStep[];
}

export const ANSWER_SCALE_CODES = ['PROVINCIAL_FOUR_STEP', 'NATIONAL_FIVE_STEP'] as const;
export type AnswerScaleCode = (typeof ANSWER_SCALE_CODES)[number];

const DONT_KNOW: ScaleStep = { code: 'DONT_KNOW', score: null, names: { en: "Don't know", zhCN: '不了解' } };

/** The two scales: the provincial mass-satisfaction survey's (the default) and the national five-step one. */
export const ANSWER_SCALES: Readonly<Record<AnswerScaleCode, AnswerScale>> = {
  PROVINCIAL_FOUR_STEP: {
    code: 'PROVINCIAL_FOUR_STEP',
    names: { en: 'Provincial four-step scale', zhCN: '省级四级量表' },
    steps: [
      { code: 'SATISFIED', score: 100, names: { en: 'Satisfied', zhCN: '满意' } },
      { code: 'BASICALLY_SATISFIED', score: 75, names: { en: 'Basically satisfied', zhCN: '基本满意' } },
      { code: 'DISSATISFIED', score: 55, names: { en: 'Dissatisfied', zhCN: '不满意' } },
      DONT_KNOW,
    ],
  },
  NATIONAL_FIVE_STEP: {
    code: 'NATIONAL_FIVE_STEP',
    names: { en: 'National five-step scale', zhCN: '全国五级量表' },
    steps: [
      { code: 'VERY_SATISFIED', score: 100, names: { en: 'Very satisfied', zhCN: '非常满意' } },
      { code: 'SATISFIED', score: 80, names: { en: 'Satisfied', zhCN: '满意' } },
      { code: 'BASICALLY_SATISFIED', score: 60, names: { en: 'Basically satisfied', zhCN: '基本满意' } },
      { code: 'NOT_VERY_SATISFIED', score: 30, names: { en: 'Not very satisfied', zhCN: '不太满意' } },
      { code: 'DISSATISFIED', score: 0, names: { en: 'Dissatisfied', zhCN: '不满意' } },
      DONT_KNOW,
    ],
  },
};

export const DEFAULT_ANSWER_SCALE: AnswerScaleCode = 'PROVINCIAL_FOUR_STEP';

/** The points of a step of a scale: a number, null for "don't know", undefined for a step the scale does not have. */
export function stepScore(scale: AnswerScaleCode, step: string): number | null | undefined {
  const found = ANSWER_SCALES[scale].steps.find((candidate) => candidate.code === step);
  return found ? found.score : undefined;
}

export interface Criterion {
  readonly code: string;
  readonly names: LocalizedText;
}

/** The criterion that measures the cadre's own conduct rather than a livelihood outcome (individual-oriented flag). */
export const WORK_STYLE_CRITERION = 'WORK_STYLE';

/** The default livelihood criteria (PRODUCT.md), editable per campaign while it is a draft. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { code: 'EMPLOYMENT_INCOME', names: { en: 'Employment and income', zhCN: '就业和收入' } },
  { code: 'EDUCATION', names: { en: 'Education', zhCN: '教育' } },
  { code: 'HEALTH_CARE', names: { en: 'Health care', zhCN: '医疗卫生' } },
  { code: 'HOUSING', names: { en: 'Housing', zhCN: '住房' } },
  { code: 'SOCIAL_SECURITY', names: { en: 'Social security and elderly care', zhCN: '社会保障和养老' } },
  { code: 'ENVIRONMENT', names: { en: 'Ecological environment', zhCN: '生态环境' } },
  { code: 'PUBLIC_SAFETY', names: { en: 'Public safety', zhCN: '社会治安' } },
  { code: 'INFRASTRUCTURE', names: { en: 'Infrastructure and transport', zhCN: '基础设施和交通' } },
  { code: WORK_STYLE_CRITERION, names: { en: "Cadres' work style", zhCN: '干部作风' } },
];

/** Results of a cadre are published only from this many ballots (k); below it, nothing but the count. */
export const DEFAULT_PUBLICATION_THRESHOLD = 30;
