import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCode, type GraphQLAnswer } from '../support/api-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const ME = '{ me { role user { email } } }';
const USERS = '{ users(first: 100) { totalCount edges { node { email } } } }';
const CREATE_TOKEN = 'mutation { createApiToken(input: { name: "Lookup portal", scopes: [REGIONS] }) { secret } }';

/**
 * Every request reads its session or token afresh, as one plain row (nothing cached between requests):
 * an expiry, a deactivation or a revocation made anywhere — even straight in the database, behind the
 * server's back — counts on the very next request. Abilities are kept per principal, keyed by every fact
 * of the principal: two people never share one, and a change of role, region or status gives a new one
 * at once.
 */
describe('authentication of every request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiTokenRequestsPerMinute: 1000 });
  });
  afterAll(() => server?.close());

  const sql = async <T>(query: string, params: unknown[] = []) =>
    (await server.ownerOrm.em.fork().getConnection().execute(query, params)) as T[];
  const hashOf = (client: ApiClient) => createHash('sha256').update(client.sessionCookie!.split('=')[1]).digest('hex');
  const meOf = async (client: ApiClient) => (await client.ok<{ me: { role: string | null; user: { email: string } | null } }>(ME)).me;
  const emailsSeenBy = async (client: ApiClient) =>
    (await client.ok<{ users: { edges: { node: { email: string } }[] } }>(USERS)).users.edges.map((edge) => edge.node.email);
  const expectRefusedToken = (answer: GraphQLAnswer) => {
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    expect(answer.errors[0].extensions?.reason).toBe('INVALID_API_TOKEN');
  };

  it('a session ends at its expiry: the next request is anonymous', async () => {
    await server.createUser({ email: 'expiring@massline.test', role: 'AUDITOR', regionCode: '880101' });
    const client = await server.client().signIn('expiring@massline.test', DEMO_PASSWORD);
    expect(await meOf(client)).toEqual({ role: 'AUDITOR', user: { email: 'expiring@massline.test' } });
    await sql(`update "session" set expires_at = now() - interval '1 second' where id_hash = ?`, [hashOf(client)]);
    expect(await meOf(client)).toEqual({ role: null, user: null });
    expect(errorCode(await client.request(USERS))).toBe('UNAUTHENTICATED');
  });

  it('a user or organization deactivated straight in the database is anonymous at once, and back when reactivated', async () => {
    const id = await server.createUser({ email: 'behind@massline.test', role: 'ORGANIZATION', regionCode: '880102' });
    const client = await server.client().signIn('behind@massline.test', DEMO_PASSWORD);
    expect((await meOf(client)).role).toBe('ORGANIZATION');
    // The session row stays: only the user's own flag says no.
    await sql('update app_user set active = false where id = ?', [id]);
    expect(await meOf(client)).toEqual({ role: null, user: null });
    await sql('update app_user set active = true where id = ?', [id]);
    expect((await meOf(client)).role).toBe('ORGANIZATION');
    // Likewise the organization's.
    await sql('update organization set active = false where id = (select organization_id from app_user where id = ?)', [id]);
    expect(await meOf(client)).toEqual({ role: null, user: null });
    await sql('update organization set active = true where id = (select organization_id from app_user where id = ?)', [id]);
    expect((await meOf(client)).role).toBe('ORGANIZATION');
  });

  it('two citizens of one region each read only their own account, request after request', async () => {
    await server.createUser({ email: 'first-neighbour@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    await server.createUser({ email: 'second-neighbour@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    const first = await server.client().signIn('first-neighbour@massline.test', DEMO_PASSWORD);
    const second = await server.client().signIn('second-neighbour@massline.test', DEMO_PASSWORD);
    for (let round = 0; round < 2; round++) {
      expect(await emailsSeenBy(first)).toEqual(['first-neighbour@massline.test']);
      expect(await emailsSeenBy(second)).toEqual(['second-neighbour@massline.test']);
    }
  });

  it("a change of a staff member's jurisdiction counts on the next request", async () => {
    const id = await server.createUser({ email: 'moving@massline.test', role: 'AUDITOR', regionCode: '880101' });
    const client = await server.client().signIn('moving@massline.test', DEMO_PASSWORD);
    const county = await emailsSeenBy(client);
    expect(county).toContain('citizen@massline.demo');
    expect(county).toContain('newcomer@massline.demo');
    // Moved to one township of the county: the other township's people drop out of sight at once.
    await sql(`update app_user set region_id = (select id from region where code = '880101002') where id = ?`, [id]);
    const township = await emailsSeenBy(client);
    expect(township).toContain('newcomer@massline.demo');
    expect(township).not.toContain('citizen@massline.demo');
    await sql(`update app_user set region_id = (select id from region where code = '880101') where id = ?`, [id]);
    expect(await emailsSeenBy(client)).toEqual(county);
  });

  it('a citizen verified is let vote on the next request; unverified again, refused on the next', async () => {
    const id = await server.createUser({
      email: 'pending@massline.test',
      role: 'CITIZEN',
      regionCode: '880101001',
      citizenStatus: 'UNVERIFIED',
    });
    const client = await server.client().signIn('pending@massline.test', DEMO_PASSWORD);
    const status = async () => (await client.ok<{ me: { user: { citizenStatus: string } } }>('{ me { user { citizenStatus } } }')).me.user;
    expect(await status()).toEqual({ citizenStatus: 'UNVERIFIED' });
    const cast = () =>
      client.request('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', {
        input: { campaignId: '00000000-0000-4000-8000-000000000000', termId: '00000000-0000-4000-8000-000000000000', answers: [] },
      });
    expect((await cast()).errors[0].extensions?.reason).toBe('NOT_VERIFIED');
    await sql(`update app_user set citizen_status = 'VERIFIED' where id = ?`, [id]);
    // Past the verification: the campaign itself is what is missing now.
    expect((await cast()).errors[0].extensions?.reason).toBe('NOT_FOUND');
    await sql(`update app_user set citizen_status = 'UNVERIFIED' where id = ?`, [id]);
    expect((await cast()).errors[0].extensions?.reason).toBe('NOT_VERIFIED');
  });

  it('a token expired, or sent with the wrong secret, is refused; an unexpired one works', async () => {
    const issuer = await server.as('orgIn');
    const { createApiToken } = await issuer.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN);
    const token = new ApiClient(server.url, createApiToken.secret);
    expect((await token.ok<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('THIRD_PARTY');
    const prefix = createApiToken.secret.split('_')[1];
    expectRefusedToken(await new ApiClient(server.url, `ml_${prefix}_${'x'.repeat(43)}`).request('{ me { role } }'));
    await sql(`update api_token set expires_at = now() - interval '1 second' where prefix = ?`, [prefix]);
    expectRefusedToken(await token.request('{ me { role } }'));
    await sql(`update api_token set expires_at = now() + interval '1 day' where prefix = ?`, [prefix]);
    expect((await token.ok<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('THIRD_PARTY');
  });
});
