import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../support/api-client';
import { DEMO_API_TOKEN, startTestServer, type TestServer } from '../support/test-server';

/** GraphQL over HTTP, CSRF prevention, limits, masking, rate limits: what every client relies on. */
describe('HTTP and GraphQL conventions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiTokenRequestsPerMinute: 5 });
  });
  afterAll(() => server?.close());

  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('serves the console with a Content-Security-Policy, no framing, no sniffing, and no source maps', async () => {
    const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
    expect((await fetch(`${server.url}${script}.map`)).status).toBe(404);
    const api = await post({ query: '{ me { role } }' });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses simple (CSRF-able) requests: text/plain POST, and GET without a preflight header', async () => {
    const plain = await post({ query: '{ me { role } }' }, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    const form = await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`);
    expect(get.status).toBe(400);
  });

  it('serves queries over GET with a preflight header, but never mutations', async () => {
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ regions(first: 1) { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(query.status).toBe(200);
    expect(((await query.json()) as { data: { regions: { totalCount: number } } }).data.regions.totalCount).toBe(65);
    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
  });

  it('follows GraphQL over HTTP: response content types and 400 for unparseable or invalid documents', async () => {
    const ok = await post(
      { query: '{ me { role } }' },
      { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    );
    expect(ok.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    const legacy = await post({ query: '{ me { role } }' }, { 'content-type': 'application/json', accept: 'application/json' });
    expect(legacy.headers.get('content-type')).toMatch(/application\/json/);
    const parse = await post({ query: '{ me { ' });
    expect(parse.status).toBe(400);
    const invalid = await post({ query: '{ nope }' });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { errors: { message: string }[] };
    // Field suggestions are blocked: the schema is not fished out by typos.
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses batched requests', async () => {
    const response = await post([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]);
    expect(response.status).toBe(400);
  });

  it('refuses queries past the depth, alias and token limits', async () => {
    const deep =
      '{ users(first: 1) { edges { node { region { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } }';
    const depth = await post({ query: deep });
    expect(depth.status).toBe(400);
    expect(JSON.stringify(await depth.json())).toMatch(/depth/i);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { role }`).join(' ');
    const alias = await post({ query: `{ ${aliases} }` });
    expect(alias.status).toBe(400);
    expect(JSON.stringify(await alias.json())).toMatch(/alias/i);
    const huge = `{ ${Array.from({ length: 800 }, () => 'me { role }').join(' ')} }`;
    const tokens = await post({ query: huge });
    expect(tokens.status).toBe(400);
  });

  it('refuses queries past the cost limit, and charges a fragment what its fields cost inline', async () => {
    const page = 'regions(first: 100) { edges { node { id code name nameEn level path } } }';
    // 100 × (2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 6))) = 2,975: eight pages fit under 25,000, nine do not.
    const pages = (n: number) => Array.from({ length: n }, (_, i) => `p${i}: ${page}`).join(' ');
    expect((await post({ query: `{ ${pages(8)} }` })).status).toBe(200);
    const nine = await post({ query: `{ ${pages(9)} }` });
    expect(nine.status).toBe(400);
    const refused = (await nine.json()) as { errors: { message: string; extensions: { reason: string } }[] };
    expect(refused.errors[0].message).toMatch(/Cost limit of 25000 exceeded, found 26775/);
    expect(refused.errors[0].extensions.reason).toBe('QUERY_TOO_COSTLY');
    // The same pages through a fragment cost the same.
    const fragment = await post({
      query: `{ ${pages(9).replaceAll('{ id code name nameEn level path }', '{ ...Row }')} } fragment Row on Region { id code name nameEn level path }`,
    });
    expect(JSON.stringify(await fragment.json())).toMatch(/found 26775/);
  });

  it('masks internal errors: nothing of the cause reaches the client', async () => {
    const client = await server.as('orgIn');
    await server.ownerOrm.em.getConnection().execute('alter table "sign_in_throttle" rename to "sign_in_throttle_gone"');
    try {
      const answer = await server.client().request('mutation { signIn(input: { email: "a@b.c", password: "x" }) { id } }');
      expect(errorCode(answer)).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.errors[0].message).toBe('Internal server error');
      expect(JSON.stringify(answer.errors)).not.toMatch(/sign_in_throttle|relation|select/);
    } finally {
      await server.ownerOrm.em.getConnection().execute('alter table "sign_in_throttle_gone" rename to "sign_in_throttle"');
    }
    expect((await client.ok<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('ORGANIZATION');
  });

  it('limits first to 100 and refuses foreign cursors', async () => {
    const client = await server.as('orgRoot');
    expect(errorCode(await client.request('{ users(first: 101) { totalCount } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await client.request('{ users(first: 0) { totalCount } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await client.request('{ users(first: 5, after: "bm9wZQ") { totalCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('pages through a list with cursors, with stable order and no overlap', async () => {
    const client = server.client();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        regions: { totalCount: number; edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await client.ok(
        'query ($after: String) { regions(first: 20, after: $after, orderBy: { field: CODE, direction: DESC }) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.regions.edges.map((e) => e.node.code));
      if (!page.regions.pageInfo.hasNextPage) break;
      after = page.regions.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(65);
    expect(new Set(seen).size).toBe(65);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('API tokens: bearer works as THIRD_PARTY, reads public data only, is rate limited, and dies when revoked', async () => {
    const org = await server.as('orgIn');
    const created = await org.ok<{ createApiToken: { secret: string; token: { id: string; prefix: string; lastUsedAt: string | null } } }>(
      'mutation { createApiToken(input: { name: "Statistics bureau", scopes: [REGIONS] }) { secret token { id prefix lastUsedAt } } }',
    );
    const { secret, token } = created.createApiToken;
    expect(secret.startsWith(`ml_${token.prefix}_`)).toBe(true);
    const call = (query: string, bearer = secret) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query }),
      });
    const me = await call('{ me { role } regions(first: 1) { totalCount } }');
    expect(((await me.json()) as { data: { me: { role: string } } }).data.me.role).toBe('THIRD_PARTY');
    const users = await call('{ users(first: 1) { totalCount } }');
    expect(((await users.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
    const list = await org.ok<{ apiTokens: { edges: { node: { id: string; lastUsedAt: string | null } }[] } }>(
      '{ apiTokens(first: 10) { edges { node { id lastUsedAt } } } }',
    );
    expect(list.apiTokens.edges.find((e) => e.node.id === token.id)?.node.lastUsedAt).not.toBeNull();

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('{ me { role } }')).status);
    expect(statuses.at(-1)).toBe(429);
    const limited = await call('{ me { role } }');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

    await org.ok('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: token.id });
    const revoked = await call('{ me { role } }');
    expect(revoked.status).toBe(401);
    const invalid = await call('{ me { role } }', 'ml_00000000_not-a-real-token-at-all');
    expect(invalid.status).toBe(401);
    expect(((await invalid.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('the demo token reads regions', async () => {
    const answer = await (await server.as('token')).ok<{ regions: { totalCount: number } }>('{ regions(first: 1) { totalCount } }');
    expect(answer.regions.totalCount).toBe(65);
    expect(DEMO_API_TOKEN).toMatch(/^ml_/);
  });
});
