import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What one request may hold and cost, and what one caller may spend: the body, the query's price (page
 * sizes read from the variables, expensive fields priced as such), a budget per minute with its headers,
 * and requests per address before authentication.
 */
describe('bounded requests', () => {
  let server: TestServer;
  const post = (body: string | object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const errorOf = async (response: Response) =>
    ((await response.json()) as { errors: { message: string; extensions: { code: string; reason: string } }[] }).errors[0];

  beforeAll(async () => {
    server = await startTestServer({ body: { limit: 64 * 1024, uploadLimit: 4 * 1024 * 1024, uploadsAtOnce: 2 } });
  });
  afterAll(() => server?.close());

  it('refuses a body past the limit with 413 and a coded error, before reading it whole', async () => {
    const padding = 'x'.repeat(100 * 1024);
    const response = await post({ query: '{ me { role } }', variables: { padding } });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE' } });
  });

  it('refuses a large GraphQL body from everybody, importers included: large files are streamed to /uploads', async () => {
    const csv = `region_code,period,indicator,value,raw_count,raw_total,source\n${'880101001,2026-Q3,CADRE_TRUST,70,,,bulk\n'.repeat(3000)}`;
    const mutation = 'mutation ($csv: String!) { importObservations(csv: $csv) { accepted rowCount } }';
    for (const actor of ['orgIn', 'citizen', 'auditor', 'token', 'anonymous'] as const) {
      const refused = await (await server.as(actor)).request(mutation, { csv });
      expect(refused.status, actor).toBe(413);
      expect(refused.errors[0].extensions?.reason, actor).toBe('REQUEST_TOO_LARGE');
    }
    const county = await server.as('orgIn');
    const streamed = await county.upload<{ accepted: boolean; rowCount: number }>('observations', csv);
    expect(streamed.status).toBe(200);
    expect(streamed.data?.rowCount).toBe(3000);
  });

  it('answers malformed JSON, NaN and a wrong charset with 400/415, never 500', async () => {
    for (const body of ['{"query": "{ me { role } }"', '{"query": "{ me { role } }", "variables": {"x": NaN}}', 'not json']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(await errorOf(response)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_REQUEST' } });
    }
    const charset = await post('{"query": "{ me { role } }"}', { 'content-type': 'application/json; charset=latin9' });
    expect(charset.status).toBe(415);
  });

  it('reads the same request whether its body is plain, compressed or chunked, at /graphql and at /graphql/ (body-parser reads all but the plain one)', async () => {
    const body = JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' });
    // Sent in two chunks, with no declared length (Transfer-Encoding: chunked).
    const chunked = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${server.url}/graphql`,
          { method: 'POST', headers: { 'content-type': 'application/json' } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, 10));
        request.end(body.slice(10));
      });
    const responses = [
      await post(body, { 'content-type': 'application/json; charset=utf-8' }),
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: zlib.gzipSync(body),
      }),
      await fetch(`${server.url}/graphql/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await response.json()) as { data: { regions: { totalCount: number } } }).data.regions.totalCount).toBe(65);
    }
    const streamed = await chunked();
    expect(streamed.status).toBe(200);
    expect((JSON.parse(streamed.body) as { data: { regions: { totalCount: number } } }).data.regions.totalCount).toBe(65);
    const compressedTooLarge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: zlib.gzipSync(JSON.stringify({ query: '{ me { role } }', variables: { padding: 'x'.repeat(100 * 1024) } })),
    });
    expect(compressedTooLarge.status).toBe(413);
  });

  it('prices page sizes given as variables, and refuses aliases of an expensive field', async () => {
    const deep = 'query ($n: Int!) { users(first: $n) { edges { node { email region { code parent { code parent { code } } } } } } }';
    const root = await server.as('orgRoot');
    const priced = async (n: number) => {
      const response = await post({ query: deep, variables: { n } }, { cookie: root.sessionCookie! });
      expect(response.status).toBe(200);
      return ((await response.json()) as { extensions: { cost: { requested: number } } }).extensions.cost.requested;
    };
    // `first: $n` is priced as $n rows, not as one.
    expect(await priced(100)).toBe(100 * (await priced(1)));
    const exports = Array.from({ length: 3 }, (_, i) => `e${i}: observationsCsv(filter: { period: "2026-Q3" })`).join(' ');
    const refused = await root.request(`{ ${exports} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
    expect((await root.request(`{ a: observationsCsv(filter: { period: "2026-Q3" }) }`)).status).toBe(200);
  });

  it('says what a request cost and what is left, in the body and in X-RateLimit headers', async () => {
    const response = await post({ query: 'query ($n: Int!) { regions(first: $n) { edges { node { code } } } }', variables: { n: 10 } });
    const body = (await response.json()) as {
      extensions: { cost: { requested: number; maxCost: number; budget: number; remaining: number } };
    };
    expect(body.extensions.cost).toMatchObject({ requested: 10 * (2 + 1.5 * (2 + 1.5 * (2 + 1.5))), maxCost: 25_000, budget: 300_000 });
    expect(Number(response.headers.get('x-ratelimit-limit'))).toBe(300_000);
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBe(body.extensions.cost.remaining);
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('budgets per caller and per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ requestsPerAddressPerMinute: 40, graphql: { ...defaults(), costPerMinute: 10_000 } });
  });
  afterAll(() => server?.close());

  function defaults() {
    return { maxDepth: 10, maxAliases: 15, maxCost: 25_000, maxTokens: 2000, maxDirectives: 10, costPerMinute: 300_000 };
  }

  it("refuses with RATE_LIMITED and Retry-After once a caller's cost budget is spent, and only that caller's", async () => {
    const page = 'regions(first: 100) { edges { node { id code name nameEn level path } } }';
    const county = await server.as('orgIn');
    const first = await county.request(`{ a: ${page} b: ${page} c: ${page} }`);
    expect(first.status).toBe(200);
    const second = await county.request(`{ a: ${page} b: ${page} }`);
    expect(second.status).toBe(429);
    expect(second.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller still has its whole budget.
    const auditor = await server.as('auditor');
    expect((await auditor.request(`{ a: ${page} b: ${page} }`)).status).toBe(200);
  });

  it('limits requests per address before anything else is done for them', async () => {
    const anonymous = new ApiClient(server.url);
    let refused: Awaited<ReturnType<ApiClient['request']>> | null = null;
    for (let i = 0; i < 60 && !refused; i++) {
      const answer = await anonymous.request('{ me { role } }');
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.errors[0].extensions?.reason).toBe('RATE_LIMITED');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    // A bearer token from that address is refused too, before it is even looked up.
    expect((await new ApiClient(server.url, 'ml_nothing_atall').request('{ me { role } }')).status).toBe(429);
  });
});
