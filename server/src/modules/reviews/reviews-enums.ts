import { reviews } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The reviews vocabulary as GraphQL enums, from shared's lists (the entity's columns use the same lists). */
export const ReviewAlertStatusEnum = asEnum(reviews.REVIEW_ALERT_STATUSES);
export const ReviewAlertAddresseeEnum = asEnum(reviews.REVIEW_ALERT_ADDRESSEES);

registerEnumType(ReviewAlertStatusEnum, {
  name: 'ReviewAlertStatus',
  description: 'Where a review alert stands: OPEN until its organization RESOLVED it, saying how.',
});
registerEnumType(ReviewAlertAddresseeEnum, {
  name: 'ReviewAlertAddressee',
  description:
    'Whom a review alert calls to review: the GRANTING_BODY of the term (through the organization that recorded its grant), or, for a term recorded without a grant, the POST_ORGANIZATION the post belongs to.',
});
