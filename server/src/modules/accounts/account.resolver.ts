import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { SignedIn } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { AccountService } from './account.service';
import { ChangePasswordInput } from './dto/account.inputs';
import { Session } from './session.entity';

export const SessionConnection = ConnectionType(Session, 'Session');

/** "My account": the caller's password and sessions. Everything here acts on the caller alone. */
@Resolver(() => Session)
export class AccountResolver {
  constructor(private readonly service: AccountService) {}

  @Query(() => SessionConnection, { description: 'Your sessions that have not ended, the newest first (a signed-in person only)' })
  @SignedIn()
  mySessions(@Ctx() context: RequestContext, @Args() page: PageArgs) {
    return this.service.sessions(context, page);
  }

  @Mutation(() => Int, {
    description:
      'Changes your password after checking the current one (a wrong one counts as a failed sign-in); every other session of yours ends, this one stays. Returns how many ended.',
  })
  @SignedIn()
  changePassword(
    @Ctx() context: RequestContext,
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput,
  ) {
    return this.service.changePassword(context, input);
  }

  @Mutation(() => Boolean, { description: 'Ends one of your sessions (this one signs you out); another person’s is not found' })
  @SignedIn()
  endSession(@Ctx() context: RequestContext, @IdArg('Session', 'id', { description: 'One of your sessions.' }) id: string) {
    return this.service.endSession(context, id);
  }

  @Mutation(() => Int, { description: 'Ends every session of yours but this one; returns how many ended' })
  @SignedIn()
  endOtherSessions(@Ctx() context: RequestContext) {
    return this.service.endOtherSessions(context);
  }

  @FieldResolver(() => Boolean, { description: 'Whether this is the session of this request' })
  current(@Root() session: Session, @Ctx() context: RequestContext): boolean {
    return this.service.isCurrent(context, session);
  }
}
