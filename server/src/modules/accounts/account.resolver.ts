import { defineRulesFor } from '@massline/shared';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { ApiToken } from './api-token.entity';
import { ApiTokenService } from './api-token.service';
import { AuthService } from './auth.service';
import {
  ApiTokenListArgs,
  CreateApiTokenInput,
  CreateOrganizationInput,
  CreateUserInput,
  OrganizationListArgs,
  RegisterCitizenInput,
  ReviewCitizenInput,
  SignInInput,
  UserListArgs,
} from './dto/account.inputs';
import { CreatedApiToken, Viewer } from './dto/account.outputs';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';
import { User } from './user.entity';
import { UserService } from './user.service';

export const UserConnection = ConnectionType(User, 'User');
export const OrganizationConnection = ConnectionType(Organization, 'Organization');
export const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken');

@Resolver()
export class SessionResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Query(() => Viewer, { description: 'Who you are and your permission rules; works signed out too' })
  @Public()
  async me(@Ctx() context: RequestContext): Promise<Viewer> {
    const { principal } = context;
    const user = principal.kind === 'USER' ? await this.users.get(context, principal.id) : null;
    return { user, role: principal.kind === 'ANONYMOUS' ? null : principal.role, rules: defineRulesFor(principal) };
  }

  @Mutation(() => User, { description: 'Signs in with e-mail and password; sets the session cookie' })
  @Public()
  signIn(@Ctx() context: RequestContext, @Arg('input', () => SignInInput) input: SignInInput) {
    return this.auth.signIn(context, input);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session, if any' })
  @Public()
  signOut(@Ctx() context: RequestContext) {
    return this.auth.signOut(context);
  }

  @Mutation(() => User, { description: 'A resident registers and is signed in, unverified until an organization verifies the residence' })
  @Public()
  registerCitizen(@Ctx() context: RequestContext, @Arg('input', () => RegisterCitizenInput) input: RegisterCitizenInput) {
    return this.auth.registerCitizen(context, input);
  }
}

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => UserConnection, { description: 'Users of your jurisdiction' })
  @Allow('read', 'User')
  users(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: UserListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => User)
  @Allow('read', 'User')
  user(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => User)
  @Allow('create', 'User')
  createUser(@Ctx() context: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return this.service.create(context, input);
  }

  @Mutation(() => User, { description: 'Deactivates a user and ends their sessions' })
  @Allow('deactivate', 'User')
  deactivateUser(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.setActive(context, id, false);
  }

  @Mutation(() => User)
  @Allow('deactivate', 'User')
  reactivateUser(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.setActive(context, id, true);
  }

  @Mutation(() => User, { description: "Verifies or rejects a citizen's residence" })
  @Allow('verify', 'User')
  reviewCitizen(@Ctx() context: RequestContext, @Arg('input', () => ReviewCitizenInput) input: ReviewCitizenInput) {
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

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => OrganizationConnection, { description: 'Party organizations, public' })
  @Public()
  organizations(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: OrganizationListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Organization)
  @Public()
  organization(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Organization)
  @Allow('create', 'Organization')
  createOrganization(@Ctx() context: RequestContext, @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput) {
    return this.service.create(context, input);
  }

  @Mutation(() => Organization, { description: 'Deactivates an organization: its staff are signed out and cannot sign in' })
  @Allow('deactivate', 'Organization')
  deactivateOrganization(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.setActive(context, id, false);
  }

  @Mutation(() => Organization)
  @Allow('deactivate', 'Organization')
  reactivateOrganization(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.setActive(context, id, true);
  }

  @FieldResolver(() => Region)
  region(@Root() organization: Organization, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, organization.region);
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  constructor(private readonly service: ApiTokenService) {}

  @Query(() => ApiTokenConnection, { description: 'API tokens issued in your jurisdiction' })
  @Allow('read', 'ApiToken')
  apiTokens(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: ApiTokenListArgs) {
    return this.service.list(context, page, args);
  }

  @Mutation(() => CreatedApiToken, { description: 'Issues a token for a third party; its secret is in this answer only' })
  @Allow('create', 'ApiToken')
  createApiToken(@Ctx() context: RequestContext, @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput) {
    return this.service.create(context, input);
  }

  @Mutation(() => ApiToken)
  @Allow('revoke', 'ApiToken')
  revokeApiToken(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.revoke(context, id);
  }

  @FieldResolver(() => Region)
  region(@Root() token: ApiToken, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, token.region);
  }

  @FieldResolver(() => String, { description: 'Who issued it' })
  async createdByName(@Root() token: ApiToken): Promise<string> {
    return token.createdBy.displayName;
  }
}
