import { registerEnumType } from 'type-graphql';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const IndicatorDirectionEnum = asEnum(['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const);
export const RateBasisEnum = asEnum([
  'NONE',
  'PER_1K_RESIDENTS',
  'PER_10K_RESIDENTS',
  'PER_100K_RESIDENTS',
  'PER_1K_HOUSEHOLDS',
  'PERCENT',
] as const);
export const ObservationMethodEnum = asEnum([
  'DIRECT',
  'FROM_COUNT',
  'GINI_MICRODATA',
  'GINI_LORENZ_QUADRATIC',
  'GINI_LINEAR_INTERPOLATION',
  'FROM_CAMPAIGNS',
] as const);
export type ObservationMethod = keyof typeof ObservationMethodEnum;
export const NormalizationKindEnum = asEnum(['GOALPOSTS', 'MIN_MAX', 'Z_SCORE'] as const);
export const AggregationMethodEnum = asEnum(['ARITHMETIC', 'GEOMETRIC'] as const);
export const GradeEnum = asEnum(['HARMONIOUS', 'BASICALLY_HARMONIOUS', 'ATTENTION', 'WARNING'] as const);
export const AssessmentMethodEnum = asEnum(['DIRECT', 'ROLLED_UP'] as const);
export type AssessmentMethod = keyof typeof AssessmentMethodEnum;
export const AlertKindEnum = asEnum(['INDEX_BELOW', 'FALL_SINCE_PREVIOUS', 'RED_LINE'] as const);
export const AlertStatusEnum = asEnum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const);
export type AlertStatus = keyof typeof AlertStatusEnum;
export const SensitivityStatusEnum = asEnum(['RUNNING', 'DONE', 'FAILED'] as const);
export type SensitivityStatus = keyof typeof SensitivityStatusEnum;

registerEnumType(IndicatorDirectionEnum, { name: 'IndicatorDirection' });
registerEnumType(RateBasisEnum, { name: 'RateBasis' });
registerEnumType(ObservationMethodEnum, {
  name: 'ObservationMethod',
  description: 'How a value was obtained: entered, from a raw count and the population, or computed (Gini, campaigns)',
});
registerEnumType(NormalizationKindEnum, { name: 'NormalizationKind' });
registerEnumType(AggregationMethodEnum, { name: 'AggregationMethod' });
registerEnumType(GradeEnum, { name: 'HarmonyGrade' });
registerEnumType(AssessmentMethodEnum, {
  name: 'AssessmentMethod',
  description: 'From own observations, or rolled up from children by population',
});
registerEnumType(AlertKindEnum, { name: 'AlertKind' });
registerEnumType(AlertStatusEnum, { name: 'AlertStatus' });
registerEnumType(SensitivityStatusEnum, { name: 'SensitivityStatus' });
