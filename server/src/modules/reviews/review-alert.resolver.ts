import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Cadre } from '../cadres/cadre.entity';
import { Term } from '../cadres/term.entity';
import { loadRelated } from '../../common/loaders';
import { Region } from '../regions/region.entity';
import { ReviewAlertListArgs } from './dto/reviews.inputs';
import { ReviewAlert } from './review-alert.entity';
import { ReviewAlertService } from './review-alert.service';

export const ReviewAlertConnection = ConnectionType(ReviewAlert, 'ReviewAlert');

@Resolver(() => ReviewAlert)
export class ReviewAlertResolver {
  constructor(private readonly service: ReviewAlertService) {}

  @Query(() => ReviewAlertConnection, {
    description:
      'Review alerts addressed to your organization (incompetent verdicts on terms it granted, or on its posts without a grant), newest first; auditors read those of their jurisdiction',
  })
  @Allow('read', 'ReviewAlert')
  reviewAlerts(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: ReviewAlertListArgs) {
    return this.service.list(context, page, args);
  }

  @Mutation(() => ReviewAlert, {
    description: 'Resolves an open review alert addressed to your organization, saying how (once: REVIEW_ALERT_RESOLVED after)',
  })
  @Allow('update', 'ReviewAlert')
  resolveReviewAlert(
    @Ctx() context: RequestContext,
    @IdArg('ReviewAlert', 'id', { description: 'The review alert.' }) id: string,
    @Arg('note', () => String, { description: 'How it was resolved (required, shown with the alert and in the audit log)' }) note: string,
  ) {
    return this.service.resolve(context, id, note);
  }

  @FieldResolver(() => Term, { description: 'The term whose verdict raised it' })
  term(@Root() alert: ReviewAlert, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.terms, alert.term);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The cadre who holds or held the term' })
  async cadre(@Root() alert: ReviewAlert, @Ctx() context: RequestContext) {
    const term = await loadRelated(context.loaders.terms, alert.term);
    return term ? loadRelated(context.loaders.cadres, term.cadre) : null;
  }

  @FieldResolver(() => Region, { description: "The region of the term's post" })
  region(@Root() alert: ReviewAlert, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, alert.region);
  }
}
