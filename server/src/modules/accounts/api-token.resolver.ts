import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { ApiToken } from './api-token.entity';
import { ApiTokenService } from './api-token.service';
import { ApiTokenListArgs, CreateApiTokenInput } from './dto/account.inputs';
import { CreatedApiToken } from './dto/account.outputs';

export const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken');

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
  createApiToken(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateApiTokenInput, { description: 'The token’s name, scopes and expiry.' }) input: CreateApiTokenInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token of your jurisdiction: it stops working at once, for good' })
  @Allow('revoke', 'ApiToken')
  revokeApiToken(@Ctx() context: RequestContext, @IdArg('ApiToken', 'id', { description: 'The token to revoke.' }) id: string) {
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
