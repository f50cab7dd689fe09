import { harmony } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The harmony vocabulary as GraphQL enums, from shared's lists (the entities' columns use the same lists). */
export const IndicatorDirectionEnum = asEnum(harmony.INDICATOR_DIRECTIONS);
export const RateBasisEnum = asEnum(harmony.RATE_BASES);
export const ObservationMethodEnum = asEnum(harmony.OBSERVATION_METHODS);
export type ObservationMethod = harmony.ObservationMethod;
export const NormalizationKindEnum = asEnum(harmony.NORMALIZATION_KINDS);
export const AggregationMethodEnum = asEnum(harmony.AGGREGATION_METHODS);
export const GradeEnum = asEnum(harmony.GRADE_CODES);
export const AssessmentMethodEnum = asEnum(harmony.ASSESSMENT_METHODS);
export type AssessmentMethod = harmony.AssessmentMethod;
export const AlertKindEnum = asEnum(harmony.ALERT_KINDS);
export const AlertStatusEnum = asEnum(harmony.ALERT_STATUSES);
export type AlertStatus = harmony.AlertStatus;
/** A sensitivity run's state: the server's job, not a domain concept, so its list lives here. */
export const SENSITIVITY_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export const SensitivityStatusEnum = asEnum(SENSITIVITY_STATUSES);
export type SensitivityStatus = (typeof SENSITIVITY_STATUSES)[number];

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
