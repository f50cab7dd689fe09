import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { CreateUserInput, ReviewCitizenInput, UserListArgs } from './dto/account.inputs';
import { Organization } from './organization.entity';
import { User } from './user.entity';
import { UserService } from './user.service';

export const UserConnection = ConnectionType(User, 'User');

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => UserConnection, { description: 'Users of your jurisdiction' })
  @Allow('read', 'User')
  users(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: UserListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => User, {
    nullable: true,
    description:
      'One user of your jurisdiction (or yourself) by id. Null, with an error at its path, if there is none or you may not read it: the rest of the response stands.',
  })
  @Allow('read', 'User')
  user(@Ctx() context: RequestContext, @IdArg('User', 'id', { description: 'The user.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => User, { description: 'Creates an account in your jurisdiction: organization staff, auditor or citizen' })
  @Allow('create', 'User')
  createUser(@Ctx() context: RequestContext, @Arg('input', () => CreateUserInput, { description: 'The account.' }) input: CreateUserInput) {
    return this.service.create(context, input);
  }

  @Mutation(() => User, { description: 'Deactivates a user and ends their sessions' })
  @Allow('deactivate', 'User')
  deactivateUser(@Ctx() context: RequestContext, @IdArg('User', 'id', { description: 'The user to deactivate.' }) id: string) {
    return this.service.setActive(context, id, false);
  }

  @Mutation(() => User, { description: 'Reactivates a deactivated user: they may sign in again' })
  @Allow('deactivate', 'User')
  reactivateUser(@Ctx() context: RequestContext, @IdArg('User', 'id', { description: 'The user to reactivate.' }) id: string) {
    return this.service.setActive(context, id, true);
  }

  @Mutation(() => User, { description: "Verifies or rejects a citizen's residence" })
  @Allow('verify', 'User')
  reviewCitizen(
    @Ctx() context: RequestContext,
    @Arg('input', () => ReviewCitizenInput, { description: 'The citizen and the decision.' }) input: ReviewCitizenInput,
  ) {
    return this.service.reviewCitizen(context, input);
  }

  @FieldResolver(() => Region)
  region(@Root() user: User, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, user.region);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() user: User, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.organizations, user.organization);
  }
}
