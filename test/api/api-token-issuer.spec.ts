import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCode, type GraphQLAnswer } from '../support/api-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const CREATE_TOKEN = 'mutation { createApiToken(input: { name: "Issued portal", scopes: [REGIONS] }) { secret } }';

/**
 * An API token acts on its issuer's authority: it stops at once when the issuer or the issuer's
 * organization is deactivated, and works again when they are reactivated (deactivation is reversible
 * everywhere on the platform; a token that must die for good is revoked, which is recorded).
 */
describe('API tokens of a deactivated issuer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiTokenRequestsPerMinute: 1000 });
  });
  afterAll(() => server?.close());

  async function tokenOf(email: string): Promise<ApiClient> {
    const issuer = await server.client().signIn(email, DEMO_PASSWORD);
    const { createApiToken } = await issuer.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN);
    return new ApiClient(server.url, createApiToken.secret);
  }

  const expectWorks = async (token: ApiClient) => {
    const answer = await token.request<{ me: { role: string } }>('{ me { role } }');
    expect(answer.status).toBe(200);
    expect(answer.data?.me.role).toBe('THIRD_PARTY');
  };
  const expectRefused = (answer: GraphQLAnswer) => {
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    expect(answer.errors[0].extensions?.reason).toBe('INVALID_API_TOKEN');
  };

  it('stops when the issuer is deactivated, and works again when they are reactivated', async () => {
    const id = await server.createUser({ email: 'issuer@massline.test', role: 'ORGANIZATION', regionCode: '880101' });
    const token = await tokenOf('issuer@massline.test');
    await expectWorks(token);
    const county = await server.as('orgIn');
    await county.ok('mutation ($id: ID!) { deactivateUser(id: $id) { active } }', { id });
    expectRefused(await token.request('{ me { role } }'));
    expectRefused(await token.request('{ regions(first: 1) { totalCount } }'));
    await county.ok('mutation ($id: ID!) { reactivateUser(id: $id) { active } }', { id });
    await expectWorks(token);
  });

  it("stops when the issuer's organization is deactivated, and works again when it is reactivated", async () => {
    const county = await server.as('orgIn');
    await server.createUser({ email: 'township-issuer@massline.test', role: 'ORGANIZATION', regionCode: '880101002' });
    const issuer = await server.client().signIn('township-issuer@massline.test', DEMO_PASSWORD);
    const { me } = await issuer.ok<{ me: { user: { organization: { id: string } } } }>('{ me { user { organization { id } } } }');
    const organization = me.user.organization;
    const token = await tokenOf('township-issuer@massline.test');
    await expectWorks(token);
    await county.ok('mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }', { id: organization.id });
    expectRefused(await token.request('{ me { role } }'));
    await county.ok('mutation ($id: ID!) { reactivateOrganization(id: $id) { active } }', { id: organization.id });
    await expectWorks(token);
  });
});
