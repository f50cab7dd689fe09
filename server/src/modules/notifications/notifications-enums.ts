import { notifications } from '@massline/shared';
import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/graphql-enums';

/** The notification kinds as a GraphQL enum, from shared's list (the entity's column uses the same list). */
export const NotificationKindEnum = asEnum(notifications.NOTIFICATION_KINDS);

registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'What a notification is about: CAMPAIGN_OPENED (an evaluation campaign of your region opened), CAMPAIGN_CLOSING (it closes within a day and you have not voted), NOTICE_OPENED (a public notice of a grant opened).',
});
