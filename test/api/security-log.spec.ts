import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { ACTOR_EMAILS, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

interface Event {
  kind: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  regionPath: string | null;
  reason: string | null;
  operation: string | null;
  address: string | null;
  requestId: string;
  clientRequestId: string | null;
  suppressedCount: number;
}
const EVENTS = `query ($filter: SecurityEventFilter) { securityEvents(first: 100, filter: $filter) { totalCount edges { node {
  kind actorKind actorId actorLabel regionPath reason operation address requestId clientRequestId suppressedCount } } } }`;
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FLOOD_INTERVAL_MS = 1000;

/**
 * The security log: sign-ins, sign-outs, failed and throttled sign-ins and refused requests, read by the
 * auditors of the jurisdiction (not a sibling's, not the organizations), written even when the refused
 * request rolls back, append-only, and bounded in a flood. Each scenario comes from its own address.
 */
describe('security log', () => {
  let server: TestServer;
  let auditor: ApiClient;
  let siblingAuditor: ApiClient;
  let rootAuditor: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      signIn: {
        freeFailures: 1,
        delayMs: 60_000,
        maxDelaySeconds: 60,
        failuresPerAddress: 100,
        failuresPerMinute: 10_000,
        windowMinutes: 15,
      },
      securityLog: { floodIntervalMs: FLOOD_INTERVAL_MS },
    });
    await server.createUser({ email: 'xihe-auditor@massline.test', role: 'AUDITOR', regionCode: '880102' });
    await server.createUser({ email: 'root-auditor@massline.test', role: 'AUDITOR', regionCode: '88' });
    auditor = await server.as('auditor');
    siblingAuditor = await server.client().signIn('xihe-auditor@massline.test', DEMO_PASSWORD);
    rootAuditor = await server.client().signIn('root-auditor@massline.test', DEMO_PASSWORD);
  });
  afterAll(() => server?.close());

  const eventsOf = async (reader: ApiClient, address: string) =>
    (await reader.ok<{ securityEvents: { edges: { node: Event }[] } }>(EVENTS, { filter: { address } })).securityEvents.edges.map(
      (edge) => edge.node,
    );
  const from = (address: string, clientRequestId?: string) => ({
    'x-forwarded-for': address,
    ...(clientRequestId ? { 'x-request-id': clientRequestId } : {}),
  });

  it("records sign-in, sign-out, failed and throttled sign-ins of a jurisdiction's user for its auditor, not a sibling's", async () => {
    const email = 'logged@massline.test';
    const id = await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const address = '10.2.0.1';
    const client = server.client();
    await client.request(SIGN_IN, { input: { email, password: 'wrong-password' } }, from(address, 'client-1'));
    await client.request(SIGN_IN, { input: { email, password: 'wrong-password' } }, from(address));
    await server.client().request(SIGN_IN, { input: { email, password: DEMO_PASSWORD } }, from('10.2.0.2'));
    const owner = server.client();
    expect((await owner.request(SIGN_IN, { input: { email, password: DEMO_PASSWORD } }, from('10.2.0.3'))).errors).toEqual([]);
    expect((await owner.request('mutation { signOut }', {}, from('10.2.0.3'))).errors).toEqual([]);

    const seen = [
      ...(await eventsOf(auditor, address)),
      ...(await eventsOf(auditor, '10.2.0.2')),
      ...(await eventsOf(auditor, '10.2.0.3')),
    ];
    const kinds = seen.map((event) => `${event.kind} ${event.reason ?? ''}`.trim()).sort();
    expect(kinds).toEqual(['SIGN_IN', 'SIGN_IN', 'SIGN_IN_FAILED WRONG_PASSWORD', 'SIGN_IN_THROTTLED EMAIL_FROM_ADDRESS', 'SIGN_OUT']);
    for (const event of seen) {
      expect(event).toMatchObject({ actorId: id, actorLabel: email, regionPath: '/88/8801/880101/880101001/' });
      expect(event.requestId).toMatch(UUID);
    }
    const failed = seen.find((event) => event.kind === 'SIGN_IN_FAILED')!;
    expect(failed).toMatchObject({ address, clientRequestId: 'client-1', actorKind: 'ANONYMOUS' });
    expect(failed.requestId).not.toBe('client-1');
    expect(seen.find((event) => event.kind === 'SIGN_OUT')).toMatchObject({ actorKind: 'USER' });

    for (const other of [siblingAuditor]) {
      for (const a of [address, '10.2.0.2', '10.2.0.3']) expect(await eventsOf(other, a)).toEqual([]);
    }
    const county = await server.as('orgIn');
    expect((await county.request(EVENTS)).errors[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("keeps a failed sign-in of an unknown e-mail in the root's jurisdiction", async () => {
    await server
      .client()
      .request(SIGN_IN, { input: { email: 'nobody-at-all@massline.test', password: 'wrong-password' } }, from('10.2.1.1'));
    expect(await eventsOf(auditor, '10.2.1.1')).toEqual([]);
    const [event] = await eventsOf(rootAuditor, '10.2.1.1');
    expect(event).toMatchObject({
      kind: 'SIGN_IN_FAILED',
      reason: 'UNKNOWN_EMAIL',
      actorId: null,
      actorLabel: 'nobody-at-all@massline.test',
      regionPath: '/88/',
    });
  });

  it('records a refused request though its work is rolled back: FORBIDDEN, out of jurisdiction, unauthenticated', async () => {
    const target = await server.createUser({ email: 'protected@massline.test', role: 'CITIZEN', regionCode: '880101001' });
    const citizen = await server.as('citizen');
    const sibling = await server.as('orgOut');
    expect((await citizen.request('{ auditEntries(first: 1) { totalCount } }', {}, from('10.2.2.1'))).errors[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const outside = await sibling.request('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: target }, from('10.2.2.2'));
    expect(outside.errors[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.client().request('{ users(first: 1) { totalCount } }', {}, from('10.2.2.3'))).errors[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const [byCitizen] = await eventsOf(auditor, '10.2.2.1');
    expect(byCitizen).toMatchObject({
      kind: 'REFUSED',
      reason: 'FORBIDDEN',
      operation: 'Query.auditEntries',
      actorKind: 'USER',
      actorLabel: ACTOR_EMAILS.citizen,
    });
    // The sibling county's organization is in the sibling's jurisdiction: its auditor reads the attempt.
    const [bySibling] = await eventsOf(siblingAuditor, '10.2.2.2');
    expect(bySibling).toMatchObject({ kind: 'REFUSED', operation: 'Mutation.deactivateUser', actorLabel: ACTOR_EMAILS.orgOut });
    // ... and so does the city's, above both counties; the event is in the actor's region, not the target's.
    expect(await eventsOf(auditor, '10.2.2.2')).toHaveLength(1);
    const [anonymous] = await eventsOf(rootAuditor, '10.2.2.3');
    expect(anonymous).toMatchObject({ kind: 'REFUSED', reason: 'UNAUTHENTICATED', actorKind: 'ANONYMOUS', regionPath: '/88/' });
    // The refused change did not happen.
    const { user } = await (
      await server.as('orgIn')
    ).ok<{ user: { active: boolean } }>('query ($id: ID!) { user(id: $id) { active } }', {
      id: target,
    });
    expect(user.active).toBe(true);
  });

  it('records a refused API token', async () => {
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ml_00000000_not-a-real-token-at-all', ...from('10.2.3.1') },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(answer.status).toBe(401);
    const [event] = await eventsOf(rootAuditor, '10.2.3.1');
    expect(event).toMatchObject({ kind: 'REFUSED', reason: 'INVALID_API_TOKEN', actorKind: 'ANONYMOUS' });
  });

  it('writes one row per kind and address in a flood, and counts the rest in the next row', async () => {
    const flood = () => server.client().request('{ users(first: 1) { totalCount } }', {}, from('10.2.4.1'));
    for (let i = 0; i < 20; i++) await flood();
    const during = await eventsOf(rootAuditor, '10.2.4.1');
    expect(during.length).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, FLOOD_INTERVAL_MS + 50));
    await flood();
    const after = await eventsOf(rootAuditor, '10.2.4.1');
    expect(after.length).toBe(during.length + 1);
    // Every refusal is accounted for: written, or counted in the row after it.
    expect(after.reduce((sum, event) => sum + 1 + event.suppressedCount, 0)).toBe(21);
  });

  it('is append-only for the server: the runtime role cannot change or remove an event', async () => {
    const connection = server.orm.em.getConnection();
    await expect(connection.execute(`update security_event set reason = 'forged'`)).rejects.toThrow(/permission denied/);
    await expect(connection.execute(`delete from security_event`)).rejects.toThrow(/permission denied/);
  });
});
