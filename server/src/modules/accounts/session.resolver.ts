import { defineRulesFor } from '@massline/shared';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { AuthService } from './auth.service';
import { RegisterCitizenInput, SignInInput } from './dto/account.inputs';
import { Viewer } from './dto/account.outputs';
import { User } from './user.entity';
import { UserService } from './user.service';

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
  signIn(@Ctx() context: RequestContext, @Arg('input', () => SignInInput, { description: 'E-mail and password.' }) input: SignInInput) {
    return this.auth.signIn(context, input);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session, if any' })
  @Public()
  signOut(@Ctx() context: RequestContext) {
    return this.auth.signOut(context);
  }

  @Mutation(() => User, { description: 'A resident registers and is signed in, unverified until an organization verifies the residence' })
  @Public()
  registerCitizen(
    @Ctx() context: RequestContext,
    @Arg('input', () => RegisterCitizenInput, { description: 'The resident’s account and region of residence.' })
    input: RegisterCitizenInput,
  ) {
    return this.auth.registerCitizen(context, input);
  }
}
