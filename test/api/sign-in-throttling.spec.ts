import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphQLAnswer } from '../support/api-client';
import { ACTOR_EMAILS, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';
const REGISTER = 'mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }';
const FREE_FAILURES = 3;
const DELAY_MS = 60_000;

/**
 * Sign-in throttling that holds: attempts are reserved before the password is checked, per e-mail and
 * address, per address and platform-wide; delays instead of locks, so that nobody can lock someone
 * else's account. Clients come from several addresses (X-Forwarded-For behind a trusted proxy).
 */
describe('sign-in throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      signIn: {
        freeFailures: FREE_FAILURES,
        delayMs: DELAY_MS,
        maxDelaySeconds: 600,
        failuresPerAddress: 20,
        failuresPerMinute: 10_000,
        windowMinutes: 15,
      },
      registrationsPerAddressPerHour: 3,
    });
  });
  afterAll(() => server?.close());

  const signIn = (email: string, password: string, address: string) =>
    server.client().request<{ signIn: { id: string } }>(SIGN_IN, { input: { email, password } }, { 'x-forwarded-for': address });
  const reason = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.reason ?? null;
  const expectThrottled = (answer: GraphQLAnswer<unknown>) => {
    expect(answer.status).toBe(429);
    expect(errorCode(answer)).toBe('TOO_MANY_REQUESTS');
    expect(reason(answer)).toBe('SIGN_IN_THROTTLED');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  };
  /** The wait of an e-mail from an address is over (as it would be after Retry-After seconds). */
  const waitIsOver = (email: string, address: string) =>
    server.ownerOrm.em
      .getConnection()
      .execute(`update sign_in_throttle set next_attempt_at = clock_timestamp() where key = ?`, [`email-address:${address} ${email}`]);

  it('checks only the free attempts of 200 concurrent wrong passwords, and not the right one while throttled', async () => {
    const email = 'besieged@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(email, `wrong-password-${i}`, '10.1.0.1')));
    const checked = answers.filter((answer) => reason(answer) === 'INVALID_CREDENTIALS').length;
    const throttled = answers.filter((answer) => reason(answer) === 'SIGN_IN_THROTTLED').length;
    expect(checked + throttled).toBe(200);
    // The free attempts, not one more: the first delay (a minute here) outlasts the burst.
    expect(checked).toBe(FREE_FAILURES);
    expectThrottled(answers.find((answer) => reason(answer) === 'SIGN_IN_THROTTLED')!);

    const right = await signIn(email, DEMO_PASSWORD, '10.1.0.1');
    expectThrottled(right);
    expect(right.data).toBeNull();
    // The owner, elsewhere, is not held back by the attacker's failures.
    expect((await signIn(email, DEMO_PASSWORD, '10.1.0.2')).errors).toEqual([]);
  });

  it('makes each further failure of an e-mail from an address wait longer, then forgets them on success', async () => {
    const email = 'forgetful@massline.test';
    const address = '10.1.0.3';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    for (let i = 0; i < FREE_FAILURES; i++) expect(reason(await signIn(email, 'wrong-password', address))).toBe('INVALID_CREDENTIALS');
    const first = await signIn(email, 'wrong-password', address);
    expectThrottled(first);
    expect(Number(first.headers.get('retry-after'))).toBe(DELAY_MS / 1000);
    await waitIsOver(email, address);
    expect(reason(await signIn(email, 'wrong-password', address))).toBe('INVALID_CREDENTIALS');
    const second = await signIn(email, 'wrong-password', address);
    expectThrottled(second);
    expect(Number(second.headers.get('retry-after'))).toBe((2 * DELAY_MS) / 1000);
    expectThrottled(await signIn(email, DEMO_PASSWORD, address));
    await waitIsOver(email, address);
    expect((await signIn(email, DEMO_PASSWORD, address)).errors).toEqual([]);
    // A success forgets the failures: the free attempts are there again.
    for (let i = 0; i < FREE_FAILURES; i++) expect(reason(await signIn(email, 'wrong-password', address))).toBe('INVALID_CREDENTIALS');
  });

  it('refuses an address that sprays one password over 30 e-mails once it has failed its limit', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `sprayed-${i}@massline.test`);
    await server.createUser({ email: emails[29], role: 'CITIZEN', regionCode: '880101001' });
    const answers: GraphQLAnswer<unknown>[] = [];
    for (const email of emails) answers.push(await signIn(email, 'Password123!', '10.1.0.4'));
    expect(answers.slice(0, 20).map(reason)).toEqual(Array(20).fill('INVALID_CREDENTIALS'));
    for (const answer of answers.slice(20)) expectThrottled(answer);
    // The address waits for its window (minutes), even with the right password of a real account ...
    const right = await signIn(emails[29], DEMO_PASSWORD, '10.1.0.4');
    expectThrottled(right);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
    // ... while the account's owner signs in from elsewhere.
    expect((await signIn(emails[29], DEMO_PASSWORD, '10.1.0.5')).errors).toEqual([]);
  });

  it('gives a success back to the address: many good sign-ins from one address are never throttled', async () => {
    for (let i = 0; i < 25; i++) expect((await signIn(ACTOR_EMAILS.citizen, DEMO_PASSWORD, '10.1.0.6')).errors).toEqual([]);
  });

  it("cannot lock the root organization out: the attacker's addresses wait, the owner's does not", async () => {
    const root = ACTOR_EMAILS.orgRoot;
    const attackers = ['10.1.1.1', '10.1.1.2', '10.1.1.3', '10.1.1.4'];
    await Promise.all(attackers.map((address) => Promise.all(Array.from({ length: 10 }, () => signIn(root, 'guess-password', address)))));
    for (const address of attackers) expectThrottled(await signIn(root, 'guess-password', address));
    expect((await signIn(root, DEMO_PASSWORD, '10.1.2.1')).errors).toEqual([]);
  });

  it('brakes the whole platform in a flood of failures: an address that failed waits, a clean one still signs in', async () => {
    const email = 'flooded@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    expect(reason(await signIn(email, 'wrong-password', '10.1.3.1'))).toBe('INVALID_CREDENTIALS');
    // A flood of failures from elsewhere (as a botnet would make them) in the current minute:
    await server.ownerOrm.em
      .getConnection()
      .execute(`update sign_in_throttle set failures = 1000000, window_started_at = clock_timestamp() where key = 'platform'`);
    try {
      expectThrottled(await signIn(email, DEMO_PASSWORD, '10.1.3.1'));
      expect((await signIn(email, DEMO_PASSWORD, '10.1.3.2')).errors).toEqual([]);
    } finally {
      await server.ownerOrm.em.getConnection().execute(`update sign_in_throttle set failures = 0 where key = 'platform'`);
    }
  });

  it('answers an unknown e-mail as a known one, throttled or not', async () => {
    await server.createUser({ email: 'known@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    const answers = async (email: string) => {
      const all: GraphQLAnswer<unknown>[] = [];
      for (let i = 0; i <= FREE_FAILURES; i++) all.push(await signIn(email, 'wrong-password', '10.1.4.1'));
      return all.map((answer) => ({ status: answer.status, errors: answer.errors }));
    };
    expect(await answers('unknown@massline.test')).toEqual(await answers('known@massline.test'));
  });

  it('throttles registration per address', async () => {
    const { regions } = await server
      .client()
      .ok<{ regions: { edges: { node: { id: string } }[] } }>(
        '{ regions(first: 1, filter: { search: "880101003" }) { edges { node { id } } } }',
      );
    const register = (email: string, address: string) =>
      server
        .client()
        .request(
          REGISTER,
          { input: { email, password: 'a-long-password', displayName: 'Resident', regionId: regions.edges[0].node.id } },
          { 'x-forwarded-for': address },
        );
    for (let i = 0; i < 3; i++) expect((await register(`resident-${i}@massline.test`, '10.1.5.1')).errors).toEqual([]);
    const refused = await register('resident-3@massline.test', '10.1.5.1');
    expect(refused.status).toBe(429);
    expect(reason(refused)).toBe('REGISTRATION_THROTTLED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await register('resident-3@massline.test', '10.1.5.2')).errors).toEqual([]);
  });
});
