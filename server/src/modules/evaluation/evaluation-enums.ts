import { evaluation } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The evaluation vocabulary as GraphQL enums, from shared's lists (the entities' columns use the same lists). */
export const CampaignStatusEnum = asEnum(evaluation.CAMPAIGN_STATUSES);
export const CampaignActionEnum = asEnum(evaluation.CAMPAIGN_ACTIONS);
export const AnswerScaleEnum = asEnum(evaluation.ANSWER_SCALE_CODES);
export const CadreGradeEnum = asEnum(evaluation.CADRE_GRADE_CODES);

registerEnumType(CampaignStatusEnum, {
  name: 'CampaignStatus',
  description:
    'Where a campaign stands: DRAFT (editable) → OPEN (taking ballots; criteria, scale and cadres frozen) → CLOSED (tallied; results for the organization) → PUBLISHED (results public).',
});
registerEnumType(CampaignActionEnum, {
  name: 'CampaignAction',
  description: 'A step of the campaign transition table: OPEN, CLOSE, PUBLISH.',
});
registerEnumType(AnswerScaleEnum, {
  name: 'AnswerScale',
  description:
    'The answers a campaign offers: PROVINCIAL_FOUR_STEP (satisfied 100, basically satisfied 75, dissatisfied 55, don’t know) or NATIONAL_FIVE_STEP (100, 80, 60, 30, 0, don’t know).',
});
registerEnumType(CadreGradeEnum, {
  name: 'CadreGrade',
  description: 'The band of a score: EXCELLENT (≥ 90), COMPETENT (≥ 75), BASICALLY_COMPETENT (≥ 60), INCOMPETENT.',
});
