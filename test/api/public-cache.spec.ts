import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/app/config';
import { createApp, type App } from '../../server/src/app/create-app';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { documentHash, type PersistedOperationManifest } from '../../server/src/app/persisted-operations';
import { DEMO_API_TOKEN, startTestServer, type TestServer } from '../support/test-server';

const manifest = JSON.parse(fs.readFileSync(`${REPO_ROOT}/web/persisted-operations.json`, 'utf8')) as PersistedOperationManifest;
const registered = (name: string) => {
  const operation = manifest.operations.find((o) => o.name === name);
  if (!operation) throw new Error(`${name} is not in web/persisted-operations.json`);
  return operation;
};

interface Dashboard {
  data: { children: { totalCount: number; edges: { node: { published: boolean } }[] } } | null;
  errors?: { message: string; extensions: { code: string; reason?: string } }[];
}

/**
 * Persisted queries (the console's operations by hash), HTTP caching of public reads (ETag, 304,
 * Cache-Control per kind of caller) and the server's public response cache, retired by publication
 * through any server process and by nothing that leaves the public figures as they were.
 */
describe('persisted queries and cacheable public reads', () => {
  let server: TestServer;
  let second: { app: App; orm: MikroORM; url: string };
  let ids: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
  const epoch = async () => (await sql<{ epoch: string }>('select epoch::text as epoch from publication_epoch'))[0].epoch;

  /** A GET naming a registered operation by its hash, as the console's urql client sends it. */
  const getPersisted = (
    name: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
    { base = server.url, hash = registered(name).id }: { base?: string; hash?: string } = {},
  ) => {
    const params = new URLSearchParams({
      operationName: name,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    });
    return fetch(`${base}/graphql?${params.toString()}`, { headers });
  };
  const dashboard = (period: string, regionCode: string) => ({
    regionId: ids.get(regionCode),
    period,
    orderBy: { field: 'INDEX', direction: 'DESC' },
    withAlerts: false,
  });
  const sessionOf = async (actor: 'orgIn' | 'orgRoot') => ({ cookie: (await server.as(actor)).sessionCookie! });

  beforeAll(async () => {
    server = await startTestServer();
    ids = new Map((await sql<{ id: string; code: string }>('select id, code from region')).map((r) => [r.code, r.id]));
    // A second server process on the same database, as behind a load balancer.
    const orm = await MikroORM.init(ormConfig(server.database.runtimeUrl, { poolMax: 3 }));
    const app = await createApp(server.config, orm);
    second = { app, orm, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.orm.close(true);
    await server?.close();
  });

  it('registers every console operation by the SHA-256 of the text the console sends', () => {
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['DashboardView', 'Me', 'PublishAssessments']));
  });

  it('answers an anonymous GET by hash with a public, revalidated answer, kept by the server, and 304 for a matching If-None-Match', async () => {
    const first = await getPersisted('DashboardView', dashboard('2026-Q2', '8801'));
    expect(first.status).toBe(200);
    const body = (await first.json()) as Dashboard;
    expect(body.errors).toBeUndefined();
    expect(body.data!.children.totalCount).toBeGreaterThan(0);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toMatch(/Cookie, Authorization/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);

    // The same variables in another order are the same answer, from the server's cache.
    const { withAlerts, orderBy, period, regionId } = dashboard('2026-Q2', '8801');
    const again = await getPersisted('DashboardView', { withAlerts, orderBy, period, regionId });
    expect(again.headers.get('x-public-cache')).toBe('hit');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.json()) as Dashboard).toEqual(body);

    // Without operationName (it is optional), the same answer.
    const unnamed = new URLSearchParams({
      variables: JSON.stringify(dashboard('2026-Q2', '8801')),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: registered('DashboardView').id } }),
    });
    expect((await (await fetch(`${server.url}/graphql?${unnamed.toString()}`)).json()) as Dashboard).toEqual(body);

    const revalidated = await getPersisted('DashboardView', dashboard('2026-Q2', '8801'), { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect((await getPersisted('DashboardView', dashboard('2026-Q2', '8801'), { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('refuses an unknown hash with PersistedQueryNotFound, and a text that is not its hash', async () => {
    const unknown = await getPersisted('DashboardView', dashboard('2026-Q2', '8801'), {}, { hash: 'a'.repeat(64) });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(await unknown.json()).toEqual({
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'NOT_FOUND', reason: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });

    const malformed = await getPersisted('DashboardView', {}, {}, { hash: 'not-a-hash' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Dashboard).errors![0].extensions.reason).toBe('MALFORMED_REQUEST');

    const mismatch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { role } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }),
    });
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as Dashboard).errors![0].extensions.reason).toBe('MALFORMED_REQUEST');
  });

  it('runs an unregistered text sent with its hash as an ordinary request: CSRF rules apply, nothing is registered', async () => {
    const query = '{ me { role } }';
    const params = new URLSearchParams({
      query,
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: documentHash(query) } }),
    });
    const withPreflight = await fetch(`${server.url}/graphql?${params.toString()}`, { headers: { 'content-type': 'application/json' } });
    expect(withPreflight.status).toBe(200);
    expect(((await withPreflight.json()) as { data: unknown }).data).toEqual({ me: { role: null } });
    expect(withPreflight.headers.get('etag')).toBeNull();
    // A simple GET (no preflight header) with a text is what CSRF prevention refuses.
    expect((await fetch(`${server.url}/graphql?${params.toString()}`)).status).toBe(400);
    // …and the hash alone is still unknown afterwards.
    expect((await getPersisted('Me', {}, {}, { hash: documentHash(query) })).status).toBe(404);
  });

  it('runs a registered mutation only by POST', async () => {
    const refused = await getPersisted('PublishAssessments', { period: '2026-Q3', regionId: ids.get('880102') }, await sessionOf('orgIn'));
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('POST');
    expect(((await refused.json()) as Dashboard).errors![0].extensions.reason).toBe('MALFORMED_REQUEST');
  });

  it('still takes a POST with the full text from a signed-in user, never cacheable, and a POST by hash', async () => {
    const county = await server.as('orgIn');
    const posted = await county.request<{ me: { role: string } }>('{ me { role } }');
    expect(posted.data).toEqual({ me: { role: 'ORGANIZATION' } });
    expect(posted.headers.get('cache-control')).toBe('private, no-store');
    expect(posted.headers.get('etag')).toBeNull();

    const byHash = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: county.sessionCookie! },
      body: JSON.stringify({
        operationName: 'Me',
        variables: {},
        extensions: { persistedQuery: { version: 1, sha256Hash: registered('Me').id } },
      }),
    });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data: { me: { role: string } } }).data.me.role).toBe('ORGANIZATION');
  });

  it('never keeps nor shares a signed-in answer: private, no-store, no ETag, not in the server cache', async () => {
    const session = await sessionOf('orgIn');
    const own = await getPersisted('Me', {}, session);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.headers.get('vary')).toMatch(/Cookie/);
    expect(own.headers.get('etag')).toBeNull();
    expect(own.headers.get('x-public-cache')).toBeNull();
    const ownBody = (await own.json()) as { data: { me: { role: string; email: string | null } } };
    expect(ownBody.data.me.role).toBe('ORGANIZATION');

    // The organization's alerts are in its dashboard; the anonymous caller of the same URL gets none of them.
    const withAlerts = { ...dashboard('2026-Q2', '88'), withAlerts: true };
    const orgView = await getPersisted('DashboardView', withAlerts, session);
    expect(orgView.headers.get('cache-control')).toBe('private, no-store');
    const orgBody = (await orgView.json()) as { data: { alerts: { edges: { node: { id: string } }[] } } };
    const alertIds = orgBody.data.alerts.edges.map((e) => e.node.id);
    expect(alertIds.length).toBeGreaterThan(0);

    const anonymous = await getPersisted('Me', {});
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(anonymous.headers.get('x-public-cache')).toBe('miss');
    expect(((await anonymous.json()) as { data: { me: { role: string | null } } }).data.me.role).toBeNull();
    const anonymousAlerts = await getPersisted('DashboardView', withAlerts);
    expect(anonymousAlerts.headers.get('x-public-cache')).not.toBe('hit');
    const anonymousText = await anonymousAlerts.text();
    expect(alertIds.filter((id) => anonymousText.includes(id))).toEqual([]);
  });

  it("gives an API token's answer to that client only: private, revalidated by ETag, 304", async () => {
    const authorization = { authorization: `Bearer ${DEMO_API_TOKEN}` };
    const first = await getPersisted('DashboardView', dashboard('2026-Q2', '8801'), authorization);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('x-public-cache')).toBeNull();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    const revalidated = await getPersisted('DashboardView', dashboard('2026-Q2', '8801'), { ...authorization, 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
  });

  it('is retired by a publication through another server process at once, and only by a change of what the public reads', async () => {
    const view = dashboard('2026-Q3', '880101');
    // Through the second process: the last quarter is not published yet, the public sees none of it.
    const before = await getPersisted('DashboardView', view, {}, { base: second.url });
    const beforeBody = (await before.json()) as Dashboard;
    expect(beforeBody.data!.children.totalCount).toBe(0);
    expect((await getPersisted('DashboardView', view, {}, { base: second.url })).headers.get('x-public-cache')).toBe('hit');
    const etag = before.headers.get('etag')!;

    // Changes the public does not read leave the epoch, and every cached answer, as they were: a
    // correction of an unpublished quarter, an alert acknowledged, a user created.
    const start = await epoch();
    const root = await server.as('orgRoot');
    await root.ok('mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
      input: { regionId: ids.get('880102001'), period: '2026-Q3', indicatorCode: 'CADRE_TRUST', value: 12, source: 'Correction' },
    });
    const [alert] = await sql<{ id: string }>(`select id from alert where status = 'OPEN' limit 1`);
    await root.ok('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id: alert.id });
    await server.createUser({ email: 'cache-reader@massline.test', role: 'CITIZEN', regionCode: '880102' });
    expect(await epoch()).toBe(start);
    const unchanged = await getPersisted('DashboardView', view, { 'if-none-match': etag }, { base: second.url });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('x-public-cache')).toBe('hit');

    // A publication through the first process: the second answers the new figures on the next request.
    const county = await server.as('orgIn');
    await county.ok('mutation ($period: String!, $regionId: ID!) { publishAssessments(period: $period, regionId: $regionId) }', {
      period: '2026-Q3',
      regionId: ids.get('880101'),
    });
    expect(BigInt(await epoch())).toBe(BigInt(start) + 1n);
    const after = await getPersisted('DashboardView', view, { 'if-none-match': etag }, { base: second.url });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-public-cache')).toBe('miss');
    expect(after.headers.get('etag')).not.toBe(etag);
    const afterBody = (await after.json()) as Dashboard;
    expect(afterBody.data!.children.totalCount).toBeGreaterThan(0);
    expect(afterBody.data!.children.edges.every((e) => e.node.published)).toBe(true);
  });

  it('leaves the epoch alone when a correction changes working figures, and moves it when the revision is published', async () => {
    const start = BigInt(await epoch());
    const root = await server.as('orgRoot');
    await root.ok('mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
      input: { regionId: ids.get('880101001'), period: '2026-Q1', indicatorCode: 'CADRE_TRUST', value: 33, source: 'Correction' },
    });
    expect(BigInt(await epoch())).toBe(start);
    await root.ok(
      'mutation ($period: String!, $regionId: ID!, $note: String) { publishAssessments(period: $period, regionId: $regionId, note: $note) }',
      {
        period: '2026-Q1',
        regionId: ids.get('880101001'),
        note: 'Cadre trust corrected',
      },
    );
    expect(BigInt(await epoch())).toBe(start + 1n);
  });

  it("keeps the epoch's one row: the server's database role may move it on, never delete it", async () => {
    await expect(sql('delete from publication_epoch')).rejects.toThrow(/permission denied/);
    await expect(sql('update publication_epoch set id = 2')).rejects.toThrow(/permission denied/);
  });
});
