import { evaluation } from '@massline/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { loadRelated } from '../../common/loaders';
import { Allow, Public, SignedIn } from '../../common/operation-permission';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import { Organization } from '../accounts/organization.entity';
import { Term } from '../cadres/term.entity';
import { Region } from '../regions/region.entity';
import type { BallotService } from './ballot.service';
import { Campaign } from './campaign.entity';
import type { CampaignService } from './campaign.service';
import { CampaignListArgs, CastBallotInput, CreateCampaignInput, UpdateCampaignInput } from './dto/evaluation.inputs';
import {
  BallotReceiptCheckView,
  BallotReceiptView,
  CampaignTermResultView,
  CampaignTermVoteView,
  CampaignTurnoutView,
} from './dto/evaluation.outputs';
import { CampaignActionEnum } from './evaluation-enums';

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');

@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly ballotService: BallotService,
  ) {}

  @Query(() => CampaignConnection, {
    description: 'Campaigns you may read: of your jurisdiction (staff), of your region once opened (citizens), published ones (everybody)',
  })
  @Public()
  campaigns(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: CampaignListArgs) {
    return this.campaignService.list(context, page, args);
  }

  @Query(() => Campaign, {
    nullable: true,
    description:
      'One campaign by id. Null, with an error at its path, if there is none or you may not read it: the rest of the response stands.',
  })
  @Public()
  campaign(@Ctx() context: RequestContext, @IdArg('Campaign', 'id', { description: 'The campaign.' }) id: string) {
    return this.campaignService.get(context, id);
  }

  @Query(() => [Campaign], {
    description: 'For a citizen: the open campaigns of your region and the regions above it, closing soonest first',
  })
  @SignedIn()
  myCampaigns(@Ctx() context: RequestContext) {
    return this.campaignService.mine(context);
  }

  @Query(() => BallotReceiptCheckView, {
    description: 'Whether a ballot with this receipt code is counted (never what it says); anyone may ask',
  })
  @Public()
  ballotReceipt(
    @Ctx() context: RequestContext,
    @Arg('code', () => String, { description: 'The receipt code, as shown (dashes and case do not matter)' }) code: string,
  ) {
    return this.ballotService.checkReceipt(context, code.slice(0, 64));
  }

  @Mutation(() => Campaign, {
    description: 'Drafts a campaign in your jurisdiction (INVALID_CAMPAIGN with problems per field; TERM_NOT_IN_REGION)',
  })
  @Allow('create', 'Campaign')
  createCampaign(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateCampaignInput, { description: 'The campaign' }) input: CreateCampaignInput,
  ) {
    return this.campaignService.create(context, input);
  }

  @Mutation(() => Campaign, { description: 'Changes a draft campaign; refused with CAMPAIGN_FROZEN once it has opened' })
  @Allow('update', 'Campaign')
  updateCampaign(
    @Ctx() context: RequestContext,
    @IdArg('Campaign', 'id', { description: 'The campaign.' }) id: string,
    @Arg('input', () => UpdateCampaignInput, { description: 'The fields to change' }) input: UpdateCampaignInput,
  ) {
    return this.campaignService.update(context, id, input);
  }

  @Mutation(() => Campaign, {
    description:
      "Opens a draft: criteria, scale and cadres are frozen, and the region's verified residents are notified (CAMPAIGN_TRANSITION_INVALID otherwise)",
  })
  @Allow('update', 'Campaign')
  openCampaign(@Ctx() context: RequestContext, @IdArg('Campaign', 'id', { description: 'The campaign.' }) id: string) {
    return this.campaignService.open(context, id);
  }

  @Mutation(() => Campaign, { description: 'Closes an open campaign: no more ballots; they are shuffled and tallied' })
  @Allow('update', 'Campaign')
  closeCampaign(@Ctx() context: RequestContext, @IdArg('Campaign', 'id', { description: 'The campaign.' }) id: string) {
    return this.campaignService.close(context, id);
  }

  @Mutation(() => Campaign, { description: 'Publishes the results of a closed campaign: everybody may read them' })
  @Allow('update', 'Campaign')
  publishCampaign(@Ctx() context: RequestContext, @IdArg('Campaign', 'id', { description: 'The campaign.' }) id: string) {
    return this.campaignService.publish(context, id);
  }

  @Mutation(() => BallotReceiptView, {
    description:
      'Casts your ballot for one cadre of an open campaign of your region: once (ALREADY_VOTED), verified citizens only (NOT_VERIFIED, WRONG_REGION, CAMPAIGN_NOT_OPEN, INVALID_BALLOT). The receipt is in this answer only.',
  })
  @Allow('vote', 'Campaign')
  castBallot(
    @Ctx() context: RequestContext,
    @Arg('input', () => CastBallotInput, { description: 'The ballot', validate: false }) input: CastBallotInput,
  ) {
    return this.ballotService.cast(context, input);
  }

  @FieldResolver(() => Region, { description: 'The region whose residents evaluate' })
  region(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, campaign.region);
  }

  @FieldResolver(() => Organization, { description: 'The organization that runs it' })
  organization(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.organizations, campaign.organization);
  }

  @FieldResolver(() => [CampaignActionEnum], {
    description: 'The transitions you may take it through now (the transition table and your permissions)',
  })
  actions(@Root() campaign: Campaign, @Ctx() context: RequestContext): evaluation.CampaignAction[] {
    return this.campaignService.actions(context, campaign);
  }

  @FieldResolver(() => [Term], { description: 'The cadres evaluated (their terms), in ballot order' })
  terms(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return this.campaignService.termsOf(context, campaign);
  }

  @FieldResolver(() => CampaignTurnoutView, { description: 'Ballots against eligible residents: counts only, never a partial result' })
  @Cost(20) // counts the region's verified residents
  turnout(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return this.campaignService.turnout(context, campaign);
  }

  @FieldResolver(() => [CampaignTermResultView], {
    nullable: true,
    description: 'Results per cadre: null until published (after close for the staff of the jurisdiction); below k ballots only the count',
  })
  @Cost(20) // intervals from the tally, and the comments for the staff
  results(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return this.campaignService.results(context, campaign);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'For a citizen: whether you took part (null for anybody else)' })
  myParticipation(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return this.ballotService.participated(context, campaign);
  }

  @FieldResolver(() => [CampaignTermVoteView], {
    nullable: true,
    description: 'For a citizen: which cadres you have evaluated (null for anybody else)',
  })
  myVotes(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return this.ballotService.myVotes(context, campaign);
  }
}
