import { defineModule, resolver } from '../../app/module-manifest';
import { readById } from '../../common/loaders';
import { accountLoaders } from './account.loaders';
import { seedDemoAccounts } from './account.demo-seed';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { ApiTokenResolver } from './api-token.resolver';
import { OrganizationResolver } from './organization.resolver';
import { SessionResolver } from './session.resolver';
import { UserResolver } from './user.resolver';
import { ApiToken } from './api-token.entity';
import { ApiTokenService } from './api-token.service';
import { AuthService } from './auth.service';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';
import { Session } from './session.entity';
import { Migration20261130004100SignInThrottle } from './migrations/Migration20261130004100SignInThrottle';
import { Migration20261201203919KeysetAccounts } from './migrations/Migration20261201203919KeysetAccounts';
import { Migration20261202153847AccountSessions } from './migrations/Migration20261202153847AccountSessions';
import { SignInThrottle } from './sign-in-throttle.entity';
import { User } from './user.entity';
import { UserService } from './user.service';

// The app authenticates every request before GraphQL runs (app/create-app.ts).
export { ANONYMOUS_AUTHENTICATION, type Authentication } from './auth.service';

export interface AccountsServices {
  auth: AuthService;
  users: UserService;
  organizations: OrganizationService;
  apiTokens: ApiTokenService;
  account: AccountService;
}

/** Accounts: users, organizations, sessions and API tokens; who may sign in, and as what. */
export const accountsModule = defineModule({
  name: 'accounts',
  entities: [Organization, User, Session, ApiToken, SignInThrottle],
  createServices: ({ config, events }): AccountsServices => {
    const auth = new AuthService(config, events);
    return {
      auth,
      users: new UserService(events),
      organizations: new OrganizationService(events),
      apiTokens: new ApiTokenService(events),
      account: new AccountService(auth, events),
    };
  },
  resolvers: [
    resolver(SessionResolver, (s: AccountsServices) => new SessionResolver(s.auth, s.users)),
    resolver(UserResolver, (s: AccountsServices) => new UserResolver(s.users)),
    resolver(OrganizationResolver, (s: AccountsServices) => new OrganizationResolver(s.organizations)),
    resolver(ApiTokenResolver, (s: AccountsServices) => new ApiTokenResolver(s.apiTokens)),
    resolver(AccountResolver, (s: AccountsServices) => new AccountResolver(s.account)),
  ],
  nodes: (s: AccountsServices) => ({
    Organization: (context, id) => s.organizations.get(context, id),
    User: (context, id) => s.users.get(context, id),
    ApiToken: (context, id) => readById(context, ApiToken, 'ApiToken', id, ['region']),
    Session: (context, id) => s.account.session(context, id),
  }),
  loaders: accountLoaders,
  // The accounts' tables were created by the platform's Foundation migration (server/src/migrations).
  migrations: [
    { name: 'Migration20261130004100SignInThrottle', class: Migration20261130004100SignInThrottle },
    { name: 'Migration20261201203919KeysetAccounts', class: Migration20261201203919KeysetAccounts },
    { name: 'Migration20261202153847AccountSessions', class: Migration20261202153847AccountSessions },
  ],
  seedDemo: seedDemoAccounts,
});
