import { hashPassword } from '../../../server/src/modules/accounts/password';
import { globalId } from '../../support/global-id';
import { ACTOR_EMAILS, DEMO_PASSWORD } from '../../support/test-server';
import {
  everyone,
  jurisdictionList,
  jurisdictionRecord,
  jurisdictionChange,
  unique,
  uuid,
  type MatrixActor,
  type MatrixRows,
  type Outcome,
} from './matrix';

/** "My account": every person signed in with a session, for themselves; an API token has no password or sessions. */
const ownAccount: Record<MatrixActor, Outcome> = { ...everyone, token: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' };
const isPerson = (actor: MatrixActor): actor is keyof typeof ACTOR_EMAILS => actor in ACTOR_EMAILS;

/** The accounts module's operations: who may call each. */
export const ACCOUNTS_MATRIX: MatrixRows = {
  'Query.me': { document: '{ me { role rules } }', expect: everyone },
  'Query.organizations': { document: '{ organizations(first: 5) { totalCount } }', expect: everyone },
  'Query.organization': {
    document: 'query ($id: ID!) { organization(id: $id) { name } }',
    variables: async (f) => {
      const { organizations } = await f.orgIn.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
        'query ($r: ID) { organizations(first: 1, filter: { regionId: $r }) { edges { node { id } } } }',
        { r: f.dongshanId },
      );
      return { id: organizations.edges[0].node.id };
    },
    expect: everyone,
  },
  'Query.users': {
    document: '{ users(first: 5) { totalCount } }',
    // A citizen may call it and sees exactly one user: themselves (tested in accounts.spec.ts).
    expect: { ...jurisdictionList, citizen: 'ALLOW' },
  },
  'Query.user': {
    document: 'query ($id: ID!) { user(id: $id) { email } }',
    variables: async (f) => ({ id: f.inScopeUserId }),
    expect: jurisdictionRecord,
  },
  'Query.apiTokens': { document: '{ apiTokens(first: 5) { totalCount } }', expect: jurisdictionList },
  'Mutation.signIn': {
    document: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
    variables: async () => ({ input: { email: 'citizen@massline.demo', password: 'massline-demo' } }),
    expect: everyone,
    freshClient: true,
  },
  'Mutation.signOut': { document: 'mutation { signOut }', expect: everyone, freshClient: true },
  'Mutation.registerCitizen': {
    document: 'mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        email: `resident-${unique()}@massline.test`,
        password: 'a-long-password',
        displayName: 'Resident',
        regionId: f.dongshanTownshipId,
      },
    }),
    expect: everyone,
    freshClient: true,
  },
  'Mutation.createUser': {
    document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        email: `new-${unique()}@massline.test`,
        displayName: 'New',
        role: 'CITIZEN',
        password: 'a-long-password',
        regionId: f.dongshanTownshipId,
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.deactivateUser': {
    document: 'mutation ($id: ID!) { deactivateUser(id: $id) { active } }',
    variables: async (f) => ({
      id: await f.server.createUser({ email: `d-${unique()}@massline.test`, role: 'CITIZEN', regionCode: '880101001' }),
    }),
    expect: jurisdictionChange,
  },
  'Mutation.reactivateUser': {
    document: 'mutation ($id: ID!) { reactivateUser(id: $id) { active } }',
    variables: async (f) => {
      const id = await f.server.createUser({ email: `r-${unique()}@massline.test`, role: 'CITIZEN', regionCode: '880101001' });
      await f.orgIn.ok('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id });
      return { id };
    },
    expect: jurisdictionChange,
  },
  'Mutation.reviewCitizen': {
    document: 'mutation ($input: ReviewCitizenInput!) { reviewCitizen(input: $input) { citizenStatus } }',
    variables: async (f) => ({
      input: {
        userId: await f.server.createUser({
          email: `v-${unique()}@massline.test`,
          role: 'CITIZEN',
          regionCode: '880101001',
          citizenStatus: 'UNVERIFIED',
        }),
        decision: 'VERIFY',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.createOrganization': {
    document: 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: async (f) => ({ input: { name: `Committee ${unique()}`, regionId: f.dongshanTownshipId } }),
    expect: jurisdictionChange,
  },
  'Mutation.deactivateOrganization': {
    document: 'mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }',
    variables: async (f) => ({ id: await f.createOrganization() }),
    expect: jurisdictionChange,
  },
  'Mutation.reactivateOrganization': {
    document: 'mutation ($id: ID!) { reactivateOrganization(id: $id) { active } }',
    variables: async (f) => {
      const id = await f.createOrganization();
      await f.orgIn.ok('mutation ($id: ID!) { deactivateOrganization(id: $id) { id } }', { id });
      return { id };
    },
    expect: jurisdictionChange,
  },
  'Mutation.createApiToken': {
    document: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
    variables: async () => ({ input: { name: `Portal ${unique()}`, scopes: ['REGIONS'] } }),
    // Every organization issues tokens for its own jurisdiction.
    expect: { ...jurisdictionList, auditor: 'FORBIDDEN' },
  },
  'Mutation.revokeApiToken': {
    document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
    variables: async (f) => {
      const { createApiToken } = await f.orgIn.ok<{ createApiToken: { token: { id: string } } }>(
        'mutation { createApiToken(input: { name: "to revoke", scopes: [REGIONS] }) { token { id } } }',
      );
      return { id: createApiToken.token.id };
    },
    expect: jurisdictionChange,
  },
  'Query.mySessions': { document: '{ mySessions(first: 10) { totalCount edges { node { id current } } } }', expect: ownAccount },
  'Mutation.changePassword': {
    document: 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }',
    // The actor's password is set to a throw-away one first, and the change puts the demo password back:
    // the actor's other sign-ins (fresh clients of other rows) keep working. Its other sessions end; the
    // actor's client of this file is the current session, which stays.
    variables: async (f, actor) => {
      const currentPassword = `matrix-${unique()}-password`;
      if (isPerson(actor)) {
        await f.server.ownerOrm.em
          .fork()
          .getConnection()
          .execute(`update app_user set password_hash = ? where email = ?`, [await hashPassword(currentPassword), ACTOR_EMAILS[actor]]);
      }
      return { input: { currentPassword, newPassword: DEMO_PASSWORD } };
    },
    expect: ownAccount,
  },
  'Mutation.endSession': {
    document: 'mutation ($id: ID!) { endSession(id: $id) }',
    // A session of the actor's own, opened for the purpose.
    variables: async (f, actor) => {
      if (!isPerson(actor)) return { id: globalId('Session', uuid()) };
      const other = await f.server.as(actor);
      const { mySessions } = await other.ok<{ mySessions: { edges: { node: { id: string; current: boolean } }[] } }>(
        '{ mySessions(first: 100) { edges { node { id current } } } }',
      );
      return { id: mySessions.edges.find((edge) => edge.node.current)!.node.id };
    },
    expect: ownAccount,
  },
  'Mutation.endOtherSessions': { document: 'mutation { endOtherSessions }', expect: ownAccount },
};
