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

registerEnumType(IndicatorDirectionEnum, {
  name: 'IndicatorDirection',
  description:
    "Whether a higher raw value of an indicator is better (HIGHER_IS_BETTER, e.g. trust in cadres) or worse (LOWER_IS_BETTER, e.g. petitions per 10,000 residents); normalization turns both into 'higher is better'.",
});
registerEnumType(RateBasisEnum, {
  name: 'RateBasis',
  description:
    'How a raw count becomes the rate the indicator is defined on: NONE (the value as entered), per 1,000 / 10,000 / 100,000 residents, per 1,000 households (population and households of the region and period), or PERCENT (count ÷ total × 100).',
});
registerEnumType(ObservationMethodEnum, {
  name: 'ObservationMethod',
  description:
    "How a value was obtained: DIRECT (entered), FROM_COUNT (from a raw count and the region's population), GINI_* (computed from incomes or shares), CAMPAIGN (the mass satisfaction of the region's published evaluation campaigns of the period: written when a campaign is published, never entered).",
});
registerEnumType(NormalizationKindEnum, {
  name: 'NormalizationKind',
  description:
    'How an indicator value becomes a 0–1 score: GOALPOSTS (fixed lower/upper bounds, comparable over time), MIN_MAX (between the lowest and highest region of the period), Z_SCORE (standard deviations from the mean of the period).',
});
registerEnumType(AggregationMethodEnum, {
  name: 'AggregationMethod',
  description:
    'How the weighted indicator scores combine into the index: ARITHMETIC (weighted mean; a weak indicator is compensated by strong ones) or GEOMETRIC (weighted geometric mean; little compensation).',
});
registerEnumType(GradeEnum, {
  name: 'HarmonyGrade',
  description:
    'The named band an index falls in, from the methodology version’s grade bands (best first): HARMONIOUS, BASICALLY_HARMONIOUS, ATTENTION, WARNING.',
});
registerEnumType(AssessmentMethodEnum, {
  name: 'AssessmentMethod',
  description: 'From own observations, or rolled up from children by population',
});
registerEnumType(AlertKindEnum, {
  name: 'AlertKind',
  description:
    'Which rule raised an alert: INDEX_BELOW (the index under a threshold), FALL_SINCE_PREVIOUS (a fall of more than a number of points since the previous period), RED_LINE (an indicator past its red line).',
});
registerEnumType(AlertStatusEnum, {
  name: 'AlertStatus',
  description: 'Where an alert stands: OPEN → ACKNOWLEDGED (someone is on it) → RESOLVED (with a note).',
});
registerEnumType(SensitivityStatusEnum, {
  name: 'SensitivityStatus',
  description:
    'A sensitivity run’s state: RUNNING (progress grows from 0 to 1), DONE (regions holds the rank intervals), FAILED (error says why).',
});
