import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCode, type GraphQLAnswer } from '../support/api-client';
import { globalId, typeOf, uuidOf } from '../support/global-id';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';
const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }';
const SESSIONS = '{ mySessions(first: 100) { totalCount edges { node { id createdAt lastSeenAt expiresAt device current } } } }';
const ME = '{ me { user { email } } }';
const END = 'mutation ($id: ID!) { endSession(id: $id) }';
const FREE_FAILURES = 2;
const CHROME_ON_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  device: string | null;
  current: boolean;
}

/**
 * "My account": a person changes their password (re-authenticated, throttled like sign-in, audited) and
 * the other sessions end; they list their sessions (opaque ids, this one marked) and end them; nobody
 * reaches another person's session. Each scenario comes from addresses of its own (X-Forwarded-For).
 */
describe('my account', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      signIn: {
        freeFailures: FREE_FAILURES,
        delayMs: 60_000,
        maxDelaySeconds: 600,
        failuresPerAddress: 50,
        failuresPerMinute: 10_000,
        windowMinutes: 15,
      },
    });
  });
  afterAll(() => server?.close());

  const from = (address: string, userAgent?: string) => ({ 'x-forwarded-for': address, ...(userAgent ? { 'user-agent': userAgent } : {}) });
  const reason = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.reason ?? null;
  /** A new session of the person, from an address (and a browser). */
  const session = async (email: string, address: string, password = DEMO_PASSWORD, userAgent?: string) => {
    const client = server.client();
    const answer = await client.request(SIGN_IN, { input: { email, password } }, from(address, userAgent));
    expect(answer.errors).toEqual([]);
    return client;
  };
  const signedIn = async (client: ApiClient, address: string) =>
    ((await client.request<{ me: { user: { email: string } | null } }>(ME, {}, from(address))).data?.me.user ?? null) !== null;
  const sessionsOf = async (client: ApiClient, address: string) => {
    const answer = await client.request<{ mySessions: { totalCount: number; edges: { node: SessionRow }[] } }>(SESSIONS, {}, from(address));
    expect(answer.errors).toEqual([]);
    return answer.data!.mySessions.edges.map((edge) => edge.node);
  };
  const sql = async <T>(query: string, params: unknown[] = []) =>
    (await server.ownerOrm.em.fork().getConnection().execute(query, params)) as T[];

  it('changes the password: the other sessions end, this one stays, the old password stops working', async () => {
    const email = 'changer@massline.test';
    const userId = await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const here = await session(email, '10.7.0.1');
    const phone = await session(email, '10.7.0.2');
    const laptop = await session(email, '10.7.0.3');
    const answer = await here.request<{ changePassword: number }>(
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-password' } },
      from('10.7.0.1'),
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.changePassword).toBe(2);
    expect(await signedIn(here, '10.7.0.1')).toBe(true);
    expect(await signedIn(phone, '10.7.0.2')).toBe(false);
    expect(await signedIn(laptop, '10.7.0.3')).toBe(false);
    expect(await sessionsOf(here, '10.7.0.1')).toHaveLength(1);

    expect(reason(await server.client().request(SIGN_IN, { input: { email, password: DEMO_PASSWORD } }, from('10.7.0.4')))).toBe(
      'INVALID_CREDENTIALS',
    );
    await session(email, '10.7.0.5', 'a-brand-new-password');

    // The audit log has the change (never a hash), the security log its row.
    const [entry] = await sql<{ action: string; after: Record<string, unknown> }>(
      `select action, after from audit_entry where subject_id = ? and action = 'user.password-change'`,
      [userId],
    );
    expect(entry.after).toEqual({ email, otherSessionsEnded: 2 });
    const events = await sql<{ kind: string }>(`select kind from security_event where actor_id = ? order by occurred_at`, [userId]);
    expect(events.map((event) => event.kind)).toContain('PASSWORD_CHANGED');
  });

  it('refuses a new password that breaks the rules, with its code and numbers, and changes nothing', async () => {
    const email = 'rules@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const here = await session(email, '10.7.1.1');
    const other = await session(email, '10.7.1.2');
    const short = await here.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } }, from('10.7.1.1'));
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors[0].extensions?.problems).toEqual({ newPassword: { reason: 'PASSWORD_TOO_SHORT', params: { min: 10 } } });
    const same = await here.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }, from('10.7.1.1'));
    expect(same.errors[0].extensions?.problems).toEqual({ newPassword: { reason: 'PASSWORD_UNCHANGED', params: {} } });
    const empty = await here.request(CHANGE, { input: { currentPassword: '', newPassword: 'a-brand-new-password' } }, from('10.7.1.1'));
    expect(empty.errors[0].extensions?.problems).toEqual({ currentPassword: { reason: 'REQUIRED', params: {} } });
    expect(await signedIn(other, '10.7.1.2')).toBe(true);
    await session(email, '10.7.1.3');
  });

  it('refuses a wrong current password with its code, logs it, and counts it as a failed sign-in of the throttle', async () => {
    const email = 'forgetful-changer@massline.test';
    const userId = await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const address = '10.7.2.1';
    const here = await session(email, address);
    const other = await session(email, '10.7.2.2');
    const wrong = () =>
      here.request(CHANGE, { input: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' } }, from(address));
    const first = await wrong();
    expect(errorCode(first)).toBe('BAD_USER_INPUT');
    expect(reason(first)).toBe('WRONG_CURRENT_PASSWORD');
    expect(first.errors[0].extensions?.problems).toEqual({ currentPassword: { reason: 'WRONG_CURRENT_PASSWORD', params: {} } });
    for (let i = 1; i < FREE_FAILURES; i++) expect(reason(await wrong())).toBe('WRONG_CURRENT_PASSWORD');

    // The free attempts are spent: the right password waits too, in this form and at sign-in from this address.
    const right = await here.request(
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-password' } },
      from(address),
    );
    expect(right.status).toBe(429);
    expect(reason(right)).toBe('SIGN_IN_THROTTLED');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(reason(await server.client().request(SIGN_IN, { input: { email, password: DEMO_PASSWORD } }, from(address)))).toBe(
      'SIGN_IN_THROTTLED',
    );
    // Nothing changed: the other session lives and the password is the old one.
    expect(await signedIn(other, '10.7.2.2')).toBe(true);
    await session(email, '10.7.2.3');

    const events = await sql<{ kind: string; reason: string | null; actor_kind: string }>(
      `select kind, reason, actor_kind from security_event where actor_id = ? and address = ? order by occurred_at`,
      [userId, address],
    );
    expect(events.map((event) => `${event.kind} ${event.reason}`)).toEqual(
      expect.arrayContaining(['PASSWORD_CHANGE_FAILED WRONG_PASSWORD', 'SIGN_IN_THROTTLED EMAIL_FROM_ADDRESS']),
    );
    expect(events.find((event) => event.kind === 'PASSWORD_CHANGE_FAILED')?.actor_kind).toBe('USER');
  });

  it('lists my live sessions with opaque ids, this one marked, the browser named and nothing more', async () => {
    const email = 'lister@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const here = await session(email, '10.7.3.1', DEMO_PASSWORD, CHROME_ON_ANDROID);
    await session(email, '10.7.3.2', DEMO_PASSWORD, 'curl/8.5.0');
    const sessions = await sessionsOf(here, '10.7.3.1');
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((row) => row.current)).toHaveLength(1);
    // The newest first: the curl session came second.
    expect(sessions.map((row) => row.device)).toEqual(['curl', 'Chrome · Android']);
    expect(sessions[1].current).toBe(true);

    const rows = await sql<{ id: string; id_hash: string; user_agent: string | null }>(
      `select s.id, s.id_hash, s.user_agent from session s join app_user u on u.id = s.user_id where u.email = ?`,
      [email],
    );
    const secret = here.sessionCookie!.split('=')[1];
    for (const row of sessions) {
      expect(typeOf(row.id)).toBe('Session');
      expect(rows.map((stored) => stored.id)).toContain(uuidOf(row.id));
      // Neither the cookie's secret nor its hash (the key a cookie is looked up by) is ever given out.
      for (const stored of rows) expect(JSON.stringify(row)).not.toContain(stored.id_hash);
      expect(JSON.stringify(row)).not.toContain(secret);
    }
    // Only the browser and its system are stored, not the whole header.
    expect(rows.map((row) => row.user_agent).sort()).toEqual(['Chrome · Android', 'curl']);
  });

  it('keeps last seen to the minute: one write when a request comes a minute later, none before', async () => {
    const email = 'seen@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const here = await session(email, '10.7.4.1');
    const lastSeen = async () => {
      const [row] = await sql<{ last_seen_at: string | Date }>(
        `select s.last_seen_at from session s join app_user u on u.id = s.user_id where u.email = ?`,
        [email],
      );
      return new Date(row.last_seen_at);
    };
    await sql(`update session set last_seen_at = now() - interval '5 minutes' where user_id = (select id from app_user where email = ?)`, [
      email,
    ]);
    const before = await lastSeen();
    await signedIn(here, '10.7.4.1');
    const touched = await lastSeen();
    expect(touched.getTime()).toBeGreaterThan(before.getTime() + 4 * 60_000);
    await signedIn(here, '10.7.4.1');
    expect((await lastSeen()).getTime()).toBe(touched.getTime());
    const [row] = await sessionsOf(here, '10.7.4.1');
    expect(new Date(row.lastSeenAt).getTime()).toBe(touched.getTime());
  });

  it('ends one of my sessions, or all the others; this one stays unless I end it', async () => {
    const email = 'ender@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const here = await session(email, '10.7.5.1');
    const phone = await session(email, '10.7.5.2');
    const phoneId = (await sessionsOf(phone, '10.7.5.2')).find((row) => row.current)!.id;
    expect((await here.request(END, { id: phoneId }, from('10.7.5.1'))).errors).toEqual([]);
    expect(await signedIn(phone, '10.7.5.2')).toBe(false);
    expect(await signedIn(here, '10.7.5.1')).toBe(true);
    // Ended is ended: a second try finds nothing.
    expect(errorCode(await here.request(END, { id: phoneId }, from('10.7.5.1')))).toBe('NOT_FOUND');

    await session(email, '10.7.5.3');
    await session(email, '10.7.5.4');
    const others = await here.request<{ endOtherSessions: number }>('mutation { endOtherSessions }', {}, from('10.7.5.1'));
    expect(others.data?.endOtherSessions).toBe(2);
    expect((await sessionsOf(here, '10.7.5.1')).map((row) => row.current)).toEqual([true]);

    // Ending this session signs me out, as signing out does.
    const hereId = (await sessionsOf(here, '10.7.5.1'))[0].id;
    expect((await here.request(END, { id: hereId }, from('10.7.5.1'))).errors).toEqual([]);
    expect(here.sessionCookie).toBeNull();
    expect(await signedIn(here, '10.7.5.1')).toBe(false);
  });

  it("never reaches another person's session: not found, listed nowhere, not ended", async () => {
    const mine = 'owner-a@massline.test';
    const theirs = 'owner-b@massline.test';
    await server.createUser({ email: mine, role: 'CITIZEN', regionCode: '880101001' });
    await server.createUser({ email: theirs, role: 'AUDITOR', regionCode: '880101' });
    const me = await session(mine, '10.7.6.1');
    const them = await session(theirs, '10.7.6.2');
    const theirId = (await sessionsOf(them, '10.7.6.2'))[0].id;
    const ended = await me.request(END, { id: theirId }, from('10.7.6.1'));
    expect(errorCode(ended)).toBe('NOT_FOUND');
    expect(ended.data).toBeNull();
    expect(await signedIn(them, '10.7.6.2')).toBe(true);
    expect((await sessionsOf(me, '10.7.6.1')).map((row) => row.id)).not.toContain(theirId);
    const node = await me.request<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: theirId }, from('10.7.6.1'));
    expect(errorCode(node)).toBe('NOT_FOUND');
    expect(node.data?.node).toBeNull();
    // An id of another type is refused as such, and an unknown one is not found.
    expect(reason(await me.request(END, { id: globalId('User', uuidOf(theirId)) }, from('10.7.6.1')))).toBe('INVALID_ID');
    expect(errorCode(await me.request(END, { id: globalId('Session', '00000000-0000-4000-8000-000000000000') }, from('10.7.6.1')))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses an API token and the anonymous: they have no password or sessions', async () => {
    const token = await server.as('token');
    for (const document of [SESSIONS, 'mutation { endOtherSessions }']) {
      const answer = await token.request(document);
      expect(errorCode(answer)).toBe('FORBIDDEN');
      expect(reason(answer)).toBe('SESSION_REQUIRED');
      expect(errorCode(await server.client().request(document))).toBe('UNAUTHENTICATED');
    }
  });

  it('lets one of two concurrent password changes win; the other is refused cleanly, never both applied', async () => {
    const email = 'racer@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const contenders = await Promise.all([1, 2, 3, 4].map((i) => session(email, `10.7.7.${i}`)));
    const answers = await Promise.all(
      contenders.map((client, i) =>
        client.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: `racing-password-${i}` } }, from(`10.7.7.${i + 1}`)),
      ),
    );
    const winners = answers.flatMap((answer, i) => (answer.errors.length === 0 ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const [i, answer] of answers.entries()) {
      if (i === winners[0]) continue;
      // Refused: changed meanwhile (CONFLICT); or the winner's hash was stored before this one read it (the
      // current password is no longer it); or the winner had already ended this session when it arrived.
      expect(['PASSWORD_CHANGED_MEANWHILE', 'WRONG_CURRENT_PASSWORD', 'UNAUTHENTICATED']).toContain(reason(answer));
    }
    // Exactly the winner's password works now.
    const works = await Promise.all(
      [0, 1, 2, 3].map(
        async (i) =>
          (await server.client().request(SIGN_IN, { input: { email, password: `racing-password-${i}` } }, from(`10.7.8.${i}`))).errors
            .length === 0,
      ),
    );
    expect(works.flatMap((ok, i) => (ok ? [i] : []))).toEqual(winners);
    expect(await signedIn(contenders[winners[0]], `10.7.7.${winners[0] + 1}`)).toBe(true);
  });
});
