/**
 * Mass evaluation of cadres (PRODUCT.md, "Mechanism 2"): answer scales and criteria, the campaign's
 * transition table, satisfaction with its margin of error, the verdict and its tendency flags. Pure
 * functions shared by the server and the console.
 */
export {
  ANSWER_SCALE_CODES,
  ANSWER_SCALES,
  DEFAULT_ANSWER_SCALE,
  DEFAULT_CRITERIA,
  DEFAULT_PUBLICATION_THRESHOLD,
  stepScore,
  WORK_STYLE_CRITERION,
  type AnswerScale,
  type AnswerScaleCode,
  type Criterion,
  type ScaleStep,
} from './scales';
export {
  acceptsBallots,
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TRANSITIONS,
  campaignActionsFrom,
  isCampaignEditable,
  nextCampaignStatus,
  type CampaignAction,
  type CampaignStatus,
} from './campaign-transitions';
export {
  addScore,
  EMPTY_SUMS,
  meanInterval,
  satisfactionOf,
  sumsOf,
  tallyBallots,
  tQuantile975,
  type BallotAnswers,
  type CriterionTally,
  type MeanInterval,
  type Satisfaction,
  type SatisfactionTally,
  type ScoreSums,
} from './satisfaction';
export {
  auditScore,
  CADRE_GRADE_CODES,
  CADRE_GRADE_NAMES,
  debtGrowth,
  DEFAULT_VERDICT_SETTINGS,
  gradeOf,
  tendencyFlags,
  TENDENCY_FLAGS,
  verdictOf,
  type AuditFigures,
  type AuditScore,
  type CadreGradeCode,
  type TendencyFlag,
  type TendencyFlagCode,
  type Verdict,
  type VerdictInput,
  type VerdictSettings,
} from './verdict';
export {
  BALLOT_COMMENT_MAX,
  ballotProblems,
  ballotSteps,
  CAMPAIGN_LIMITS,
  campaignProblems,
  CRITERION_CODE_PATTERN,
  type BallotAnswer,
  type CampaignCriterion,
  type CampaignDraft,
  type FieldProblems,
} from './ballot-rules';
export { cadreTrustOf, type CadreTrust, type CampaignTrustTally } from './cadre-trust';
export { formatReceiptCode, normalizeReceiptCode, RECEIPT_ALPHABET, RECEIPT_LENGTH } from './receipt';
export { EVALUATION_ERROR_REASONS } from './error-reasons';
export { EVALUATION_PERMISSIONS, selfAndAncestorPaths } from './permissions';
