import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { CreateOrganizationInput, OrganizationListArgs } from './dto/account.inputs';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';

export const OrganizationConnection = ConnectionType(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => OrganizationConnection, { description: 'Party organizations, public' })
  @Public()
  organizations(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: OrganizationListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Organization, {
    nullable: true,
    description:
      'One party organization by id, public. Null, with an error at its path, if there is none or you may not read it: the rest of the response stands.',
  })
  @Public()
  organization(@Ctx() context: RequestContext, @IdArg('Organization', 'id', { description: 'The organization.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Organization, { description: 'Adds a party organization for a region of your jurisdiction' })
  @Allow('create', 'Organization')
  createOrganization(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateOrganizationInput, { description: 'The organization and its region.' }) input: CreateOrganizationInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => Organization, { description: 'Deactivates an organization: its staff are signed out and cannot sign in' })
  @Allow('deactivate', 'Organization')
  deactivateOrganization(
    @Ctx() context: RequestContext,
    @IdArg('Organization', 'id', { description: 'The organization to deactivate.' }) id: string,
  ) {
    return this.service.setActive(context, id, false);
  }

  @Mutation(() => Organization, { description: 'Reactivates a deactivated organization: its staff may sign in again' })
  @Allow('deactivate', 'Organization')
  reactivateOrganization(
    @Ctx() context: RequestContext,
    @IdArg('Organization', 'id', { description: 'The organization to reactivate.' }) id: string,
  ) {
    return this.service.setActive(context, id, true);
  }

  @FieldResolver(() => Region)
  region(@Root() organization: Organization, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, organization.region);
  }
}
