import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { GrantObjectionView } from './dto/grants.outputs';
import { Grant } from './grant.entity';
import type { GrantService } from './grant.service';

export const GrantObjectionConnection = ConnectionType(GrantObjectionView, 'GrantObjection');

/**
 * An objection as an object of its own: the grant it concerns, and the ways a citizen follows theirs — the
 * named ones by their account, an anonymous one by its receipt alone (its id is a Node's: `node(id:)` too).
 */
@Resolver(() => GrantObjectionView)
export class GrantObjectionResolver {
  constructor(private readonly service: GrantService) {}

  @Query(() => GrantObjectionConnection, {
    description:
      'The objections you filed under your name, the latest first, each with its answer and its grant. Anonymous ones are linked to nobody: find each by its receipt (objectionByReceipt).',
  })
  @Allow('create', 'GrantObjection')
  myObjections(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.myObjections(context, page);
  }

  @Query(() => GrantObjectionView, {
    nullable: true,
    description:
      'An anonymous objection by the receipt code shown when it was filed, with its answer and its grant; null for a code that is no receipt. Nothing of who filed it is returned, nor recorded of who asks.',
  })
  @Public()
  objectionByReceipt(
    @Ctx() context: RequestContext,
    @Arg('receipt', () => String, { description: 'The receipt code (groups of four; separators and case do not matter).' }) receipt: string,
  ) {
    return this.service.objectionByReceipt(context, receipt);
  }

  @FieldResolver(() => Grant, { nullable: true, description: 'The grant objected to, where it stands now' })
  grant(@Root() objection: GrantObjectionView, @Ctx() context: RequestContext) {
    return context.loaders.grantsById.load(objection.grantId);
  }
}
