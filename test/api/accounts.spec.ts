import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../support/api-client';
import { uuidOf } from '../support/global-id';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id email role } }';
const ME = '{ me { role user { email citizenStatus region { code } } rules } }';

describe('accounts: sign-in, sessions, citizens, users', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('signs in each demo account and sets an httpOnly, SameSite session cookie', async () => {
    for (const [email, role] of [
      ['province@massline.demo', 'ORGANIZATION'],
      ['county@massline.demo', 'ORGANIZATION'],
      ['auditor@massline.demo', 'AUDITOR'],
      ['citizen@massline.demo', 'CITIZEN'],
    ]) {
      const client = server.client();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password: DEMO_PASSWORD } } }),
      });
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('massline_session='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure follows HTTPS
      await client.signIn(email, DEMO_PASSWORD);
      const { me } = await client.ok<{ me: { role: string; user: { email: string } } }>(ME);
      expect(me.role).toBe(role);
      expect(me.user.email).toBe(email);
    }
  });

  it('answers an unknown account and a wrong password the same way', async () => {
    const unknown = await server.client().request(SIGN_IN, { input: { email: 'nobody@massline.test', password: 'whatever-password' } });
    const wrong = await server.client().request(SIGN_IN, { input: { email: 'citizen@massline.demo', password: 'wrong-password' } });
    expect(unknown.errors[0]).toEqual(wrong.errors[0]);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('signs out: the cookie is cleared and the old session no longer works', async () => {
    const client = await server.as('citizen');
    const cookie = client.sessionCookie!;
    await client.ok('mutation { signOut }');
    const replay = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(((await replay.json()) as { data: { me: { role: null } } }).data.me.role).toBeNull();
  });

  it('registers a citizen unverified; the organization of the region verifies or rejects with a reason', async () => {
    const { regions } = await server
      .client()
      .ok<{ regions: { edges: { node: { id: string } }[] } }>(
        '{ regions(first: 1, filter: { search: "880101003" }) { edges { node { id } } } }',
      );
    const resident = server.client();
    const registered = await resident.ok<{ registerCitizen: { id: string; citizenStatus: string } }>(
      'mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id citizenStatus } }',
      { input: { email: 'Zhang.Wei@Massline.test', password: 'a-long-password', displayName: '张伟', regionId: regions.edges[0].node.id } },
    );
    expect(registered.registerCitizen.citizenStatus).toBe('UNVERIFIED');
    const { me } = await resident.ok<{ me: { user: { email: string; citizenStatus: string } } }>(ME);
    expect(me.user).toMatchObject({ email: 'zhang.wei@massline.test', citizenStatus: 'UNVERIFIED' });

    const duplicate = await server.client().request('mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }', {
      input: { email: 'zhang.wei@massline.test', password: 'a-long-password', displayName: 'again', regionId: regions.edges[0].node.id },
    });
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors[0].extensions?.fields).toEqual({ email: 'Already registered' });

    const weak = await server.client().request('mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }', {
      input: { email: 'weak@massline.test', password: 'short', displayName: 'x', regionId: regions.edges[0].node.id },
    });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors[0].extensions?.fields?.password).toMatch(/at least 10/i);

    const county = await server.as('orgIn');
    const review = 'mutation ($input: ReviewCitizenInput!) { reviewCitizen(input: $input) { citizenStatus citizenReviewNote } }';
    const id = registered.registerCitizen.id;
    const noReason = await county.request(review, { input: { userId: id, decision: 'REJECT' } });
    expect(noReason.errors[0].extensions?.fields).toEqual({ reason: 'Say why the residence is rejected' });
    const sibling = await server.as('orgOut');
    expect(errorCode(await sibling.request(review, { input: { userId: id, decision: 'VERIFY' } }))).toBe('FORBIDDEN');
    // Verifying takes an optional note of what was checked: kept with the decision and in its audit entry.
    const note = 'Household register and ID card seen at the township office';
    const verified = await county.ok<{ reviewCitizen: { citizenStatus: string; citizenReviewNote: string | null } }>(review, {
      input: { userId: id, decision: 'VERIFY', reason: note },
    });
    expect(verified.reviewCitizen).toEqual({ citizenStatus: 'VERIFIED', citizenReviewNote: note });
    const [entry] = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ after: { citizenStatus: string; reason: string } }[]>(
        "select after from audit_entry where action = 'citizen.verify' and subject_id = ?",
        [uuidOf(id)],
      );
    expect(entry.after).toMatchObject({ citizenStatus: 'VERIFIED', reason: note });
    expect(errorCode(await county.request(review, { input: { userId: id, decision: 'REJECT', reason: 'moved' } }))).toBe('CONFLICT');
  });

  it('creates users only inside the jurisdiction, with coded refusals per field', async () => {
    const county = await server.as('orgIn');
    const create =
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role citizenStatus region { code } organization { name } } }';
    const { regions } = await county.ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
      '{ regions(first: 100, filter: { search: "8801" }) { edges { node { id code } } } }',
    );
    const id = (code: string) => regions.edges.find((e) => e.node.code === code)!.node.id;
    const created = await county.ok<{ createUser: { role: string; citizenStatus: string; region: { code: string } } }>(create, {
      input: {
        email: 'resident@massline.test',
        displayName: 'Resident',
        role: 'CITIZEN',
        password: 'a-long-password',
        regionId: id('880101004'),
      },
    });
    expect(created.createUser).toMatchObject({ role: 'CITIZEN', citizenStatus: 'VERIFIED', region: { code: '880101004' } });

    const outside = await county.request(create, {
      input: {
        email: 'outside@massline.test',
        displayName: 'Outside',
        role: 'CITIZEN',
        password: 'a-long-password',
        regionId: id('880102001'),
      },
    });
    expect(errorCode(outside)).toBe('FORBIDDEN');
    expect(outside.errors[0].extensions?.fields).toEqual({ regionId: 'Outside your jurisdiction' });

    const staffWithoutOrganization = await county.request(create, {
      input: {
        email: 'staff@massline.test',
        displayName: 'Staff',
        role: 'ORGANIZATION',
        password: 'a-long-password',
        regionId: id('880101'),
      },
    });
    expect(staffWithoutOrganization.errors[0].extensions?.fields).toHaveProperty('organizationId');

    const badEmail = await county.request(create, {
      input: { email: 'not-an-email', displayName: 'X', role: 'AUDITOR', password: 'a-long-password', regionId: id('880101') },
    });
    expect(errorCode(badEmail)).toBe('BAD_USER_INPUT');
    expect(badEmail.errors[0].extensions?.fields).toEqual({ email: 'Not an e-mail address' });
    const { users } = await county.ok<{ users: { totalCount: number } }>(
      '{ users(first: 1, filter: { search: "not-an-email" }) { totalCount } }',
    );
    expect(users.totalCount).toBe(0);
  });

  it('deactivation signs the user out everywhere and blocks sign-in; nobody deactivates themselves', async () => {
    const email = 'leaving@massline.test';
    const id = await server.createUser({ email, role: 'AUDITOR', regionCode: '880101' });
    const leaving = await server.client().signIn(email, DEMO_PASSWORD);
    const county = await server.as('orgIn');
    await county.ok('mutation ($id: ID!) { deactivateUser(id: $id) { active } }', { id });
    const { me } = await leaving.ok<{ me: { role: string | null } }>('{ me { role } }');
    expect(me.role).toBeNull();
    expect(errorCode(await server.client().request(SIGN_IN, { input: { email, password: DEMO_PASSWORD } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await county.request('mutation ($id: ID!) { deactivateUser(id: $id) { active } }', { id }))).toBe('CONFLICT');

    const self = await county.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }');
    const own = await county.request('mutation ($id: ID!) { deactivateUser(id: $id) { active } }', { id: self.me.user.id });
    expect(own.errors[0].extensions?.reason).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('deactivating an organization signs its staff out and keeps them out until it is reactivated', async () => {
    const root = await server.as('orgRoot');
    const { organizations } = await root.ok<{ organizations: { edges: { node: { id: string; active: boolean } }[] } }>(
      '{ organizations(first: 1, filter: { search: "Xihe County" }) { edges { node { id active } } } }',
    );
    const xihe = organizations.edges[0].node;
    const staff = await server.as('orgOut');
    await root.ok('mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }', { id: xihe.id });
    expect((await staff.ok<{ me: { role: string | null } }>('{ me { role } }')).me.role).toBeNull();
    const refused = await server.client().request(SIGN_IN, { input: { email: 'xihe-county@massline.test', password: DEMO_PASSWORD } });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(errorCode(await root.request('mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }', { id: xihe.id }))).toBe(
      'CONFLICT',
    );
    const inactive = await root.ok<{ organizations: { totalCount: number } }>(
      '{ organizations(first: 100, filter: { active: false }) { totalCount } }',
    );
    expect(inactive.organizations.totalCount).toBe(1);
    await root.ok('mutation ($id: ID!) { reactivateOrganization(id: $id) { active } }', { id: xihe.id });
    await server.client().signIn('xihe-county@massline.test', DEMO_PASSWORD);

    const county = await server.as('orgIn');
    const own = await county.ok<{ me: { user: { organization: { id: string } } } }>('{ me { user { organization { id } } } }');
    const self = await county.request('mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }', {
      id: own.me.user.organization.id,
    });
    expect(self.errors[0].extensions?.reason).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('a citizen listing users sees only themselves', async () => {
    const citizen = await server.as('citizen');
    const { users } = await citizen.ok<{ users: { totalCount: number; edges: { node: { email: string } }[] } }>(
      '{ users(first: 10) { totalCount edges { node { email } } } }',
    );
    expect(users.totalCount).toBe(1);
    expect(users.edges.map((e) => e.node.email)).toEqual(['citizen@massline.demo']);
  });
});
