import { cadres } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The cadres vocabulary as GraphQL enums, from shared's lists (the entities' columns use the same lists). */
export const PostLevelEnum = asEnum(cadres.POST_LEVELS);
export const TermEndReasonEnum = asEnum(cadres.TERM_END_REASONS);

registerEnumType(PostLevelEnum, {
  name: 'PostLevel',
  description: 'The level of government a post is at: the region levels, and VILLAGE (a village post serves its township).',
});
registerEnumType(TermEndReasonEnum, {
  name: 'TermEndReason',
  description: 'Why a term ended: EXPIRY (its planned end), RESIGNATION, DISMISSAL or RECALL.',
});
