import { reviews } from '@massline/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { GlobalIdField } from '../../../common/global-id';
import { ReviewAlertStatusEnum } from '../reviews-enums';

@InputType({ description: 'Which review alerts to list' })
export class ReviewAlertFilter {
  @Field(() => ReviewAlertStatusEnum, { nullable: true, description: 'Only those in this status' })
  status?: reviews.ReviewAlertStatus | null;

  @GlobalIdField('Term', { nullable: true, description: 'Only those about this term.' }) termId?: string | null;
}

@ArgsType()
export class ReviewAlertListArgs {
  @Field(() => ReviewAlertFilter, { nullable: true, description: 'Which alerts; every one you may read by default.' })
  filter?: ReviewAlertFilter | null;
}
