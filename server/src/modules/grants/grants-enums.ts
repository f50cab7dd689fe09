import { grants } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The grants vocabulary as GraphQL enums, from shared's lists (the entities' columns use the same lists). */
export const GrantMethodEnum = asEnum(grants.GRANT_METHODS);
export const GrantingBodyKindEnum = asEnum(grants.GRANTING_BODY_KINDS);
export const GrantStepKindEnum = asEnum(grants.GRANT_RECORD_STEPS);
export const GRANT_STATUSES = ['PROCEDURE', 'NOTICE', 'STOPPED', 'PROBATION', 'IN_EFFECT', 'ENDED'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];
export const GrantStatusEnum = asEnum(GRANT_STATUSES);
export const GRANT_ENDING_REASONS = ['EXPIRY', 'RESIGNATION', 'DISMISSAL', 'RECALL'] as const;
export type GrantEndingReason = (typeof GRANT_ENDING_REASONS)[number];
export const GrantEndingReasonEnum = asEnum(GRANT_ENDING_REASONS);
export const WORKING_DAY_KINDS = ['HOLIDAY', 'MAKE_UP_DAY'] as const;
export type WorkingDayKind = (typeof WORKING_DAY_KINDS)[number];

registerEnumType(GrantMethodEnum, { name: 'GrantMethod', description: 'How power is granted: APPOINTMENT by a body, or ELECTION.' });
registerEnumType(GrantingBodyKindEnum, {
  name: 'GrantingBodyKind',
  description: 'Who grants: the ELECTORATE, a PEOPLES_CONGRESS, a PARTY_COMMITTEE or a STANDING_COMMITTEE (the power giver).',
});
registerEnumType(GrantStepKindEnum, {
  name: 'GrantStepKind',
  description:
    'The steps of a grant, in order: MOTION, RECOMMENDATION, INSPECTION, DECISION, NOTICE, TAKING_EFFECT; then PROBATION_END for an appointment.',
});
registerEnumType(GrantStatusEnum, {
  name: 'GrantStatus',
  description:
    'Where a grant stands: in its PROCEDURE, in public NOTICE, STOPPED by an upheld objection, in PROBATION (an appointment that took effect), IN_EFFECT, or ENDED.',
});
registerEnumType(GrantEndingReasonEnum, {
  name: 'GrantEndingReason',
  description: 'Why a grant ended: EXPIRY of its term, RESIGNATION, DISMISSAL or RECALL.',
});
