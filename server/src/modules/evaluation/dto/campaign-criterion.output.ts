import type { evaluation } from '@massline/shared';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('CampaignCriterion', { description: 'A question of a campaign: its code and its wording in both languages' })
export class CampaignCriterionView implements evaluation.CampaignCriterion {
  @Field(() => String, { description: 'Upper case code, e.g. HOUSING or WORK_STYLE' }) code!: string;
  @Field(() => String, { description: 'The question in English' }) en!: string;
  @Field(() => String, { description: 'The question in Chinese' }) zhCN!: string;
}
