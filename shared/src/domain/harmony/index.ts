/**
 * Harmony index maths (PRODUCT.md, "Mechanism 1"): pure functions shared by the server and the
 * console. No I/O, no dependencies; every refusal is a HarmonyMathError with a code.
 */
export { HarmonyMathError, isHarmonyMathError, type HarmonyMathErrorCode } from './errors';
export { missingColumn, nullIfMissing } from './columns';
export { throwFirstProblem, type RuleProblem } from './rule-problems';
export {
  ALERT_ACTIONS,
  ALERT_TRANSITIONS,
  ALERT_UNDO_WINDOW_MS,
  alertActionsFrom,
  canAlertBecome,
  nextAlertStatus,
  undoRefusal,
  type AlertAction,
  type AlertUndoRefusal,
} from './alert-transitions';
export {
  indicatorProblems,
  INDICATOR_CODE_PATTERN,
  INDICATOR_TEXT_LENGTHS,
  type IndicatorProblem,
  type IndicatorTextField,
  type NewIndicator,
} from './indicator-rules';
export {
  DEFAULT_INDICATORS,
  DEFAULT_INDICATOR_CODES,
  findDefaultIndicator,
  isPastRedLine,
  rateFromCount,
  type DefaultIndicatorCode,
  type Goalposts,
  type IndicatorDefinition,
  type IndicatorDirection,
  type LocalizedText,
  type RateBasis,
  type RateDenominators,
} from './indicators';
export { giniFromMicrodata, type NumericArray } from './gini';
export {
  fitLorenzQuadratic,
  giniFromShares,
  giniFromSharesLinear,
  giniOfQuadraticLorenz,
  lorenzPointsFromShares,
  normalizeLorenzPoints,
  quadraticLorenzValidity,
  quadraticLorenzValue,
  QUADRATIC_LORENZ_REASON_TEXT,
  type GroupedGiniMethod,
  type GroupedGiniResult,
  type GroupedIncome,
  type GroupedIncomeOptions,
  type LorenzPoint,
  type QuadraticLorenzFit,
  type QuadraticLorenzInvalidReason,
  type QuadraticLorenzParameters,
} from './lorenz';
export {
  minMaxScore,
  minMaxStatistics,
  normalizeGoalposts,
  normalizeMinMax,
  normalizeZScore,
  SCALE_BOUNDS,
  goalpostsProblems,
  validateGoalposts,
  zScore,
  zScoreOnScale,
  zScores,
  zScoreStatistics,
  type MinMaxStatistics,
  type NormalizationScale,
  type ZScoreStatistics,
} from './normalization';
export {
  aggregate,
  aggregateArithmetic,
  aggregateGeometric,
  aggregateIndex,
  aggregateRow,
  DEFAULT_COVERAGE_THRESHOLD,
  GEOMETRIC_MINIMUM_SCORE,
  validateWeights,
  weightsProblems,
  WEIGHT_SUM_TOLERANCE,
  type AggregationMethod,
  type AggregationOptions,
  type AggregationResult,
  type IndicatorContribution,
  type WeightedScore,
} from './aggregation';
export { INDEX_DECIMALS, roundHalfAwayFromZero, roundIndex } from './precision';
export {
  DEFAULT_GRADE_BANDS,
  GRADE_NAMES,
  gradeBandsProblems,
  gradeFor,
  gradeWithin,
  validateGradeBands,
  type GradeBand,
  type GradeCode,
} from './grades';
export {
  changeAgainstPrevious,
  rankAmongSiblings,
  rollUpByPopulation,
  type ChangeDirection,
  type ChildIndex,
  type PeriodChange,
  type RollUpResult,
} from './rollup';
export {
  checkSkewKurtosis,
  correlationMatrix,
  DEFAULT_CORRELATION_THRESHOLD,
  DEFAULT_KURTOSIS_THRESHOLD,
  DEFAULT_MAXIMUM_WINSORISED_POINTS,
  DEFAULT_MINIMUM_CORRELATION_OBSERVATIONS,
  DEFAULT_SKEWNESS_THRESHOLD,
  highlyCorrelatedPairs,
  indicatorCoverage,
  pearsonCorrelation,
  sampleExcessKurtosis,
  sampleSkewness,
  winsorise,
  type Correlation,
  type CorrelatedPair,
  type CorrelationMatrix,
  type IndicatorColumn,
  type IndicatorCoverage,
  type SkewKurtosisCheck,
  type SkewKurtosisThresholds,
  type WinsorisationOptions,
  type WinsorisationResult,
  type WinsorisedPoint,
} from './statistics';
export {
  createRng,
  DEFAULT_SENSITIVITY_RUNS,
  DEFAULT_SENSITIVITY_SEED,
  DEFAULT_WEIGHT_PERTURBATION,
  quantileOfSorted,
  weightSensitivity,
  type RandomSource,
  type RegionRankInterval,
  type WeightSensitivityInput,
  type WeightSensitivityOptions,
  type WeightSensitivityResult,
} from './sensitivity';
export {
  assessmentOf,
  assessRegion,
  assessRegions,
  assessTable,
  defaultMethodologySettings,
  prepareMethodology,
  scaleFor,
  methodologySettingsProblems,
  validateMethodologySettings,
  type AssessmentResult,
  type AssessmentTable,
  type PeerStatistics,
  type PreparedMethodology,
  type AssessRegionInput,
  type IndicatorAssessment,
  type IndicatorSetting,
  type IndicatorValues,
  type MethodologySettings,
  type NormalizationKind,
  type NormalizationSetting,
  type RegionAssessment,
  type RegionValues,
} from './assessment';
export {
  DEFAULT_ALERT_RULES,
  evaluateAlertRules,
  alertRulesProblems,
  validateAlertRules,
  type AlertInput,
  type AlertKind,
  type AlertRule,
  type TriggeredAlert,
} from './alerts';
export { observationValue, valueRange, type IndicatorShape, type ObservationInput } from './observation-rules';
// The value lists of the vocabulary: the server's GraphQL enums and database enums are derived from them.
export { INDICATOR_DIRECTIONS, RATE_BASES } from './indicators';
export { AGGREGATION_METHODS } from './aggregation';
export { NORMALIZATION_KINDS } from './assessment';
export { GRADE_CODES } from './grades';
export { ASSESSMENT_METHODS, type AssessmentMethod } from './rollup';
export { ALERT_KINDS, ALERT_STATUSES, alertValue, type AlertStatus } from './alerts';
export { OBSERVATION_METHODS, type ObservationMethod } from './observation-rules';
