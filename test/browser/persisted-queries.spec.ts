import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { REPO_ROOT } from '../../server/src/app/config';
import type { PersistedOperationManifest } from '../../server/src/app/persisted-operations';
import { chromiumAvailable, clickNav, offeredNavLinks, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

const registered = new Map(
  (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'web', 'persisted-operations.json'), 'utf8')) as PersistedOperationManifest
  ).operations.map((operation) => [operation.id, operation]),
);

/** One GraphQL request as the browser sent it, and what the server answered on the wire (a 304 is a 304 here). */
interface Exchange {
  request: Request;
  url: URL;
  wireStatus: number;
}

/**
 * The console's queries travel as GETs naming a registered hash. For a visitor every public page asks
 * each query once, gets 200 or 304 (never 429), and a page seen again is answered from urql's cache or
 * revalidated by ETag (304); a signed-in person's reads are GETs kept nowhere, their mutations POSTs.
 */
describe.skipIf(!chromiumAvailable)('persisted queries from the console', () => {
  let server: TestServer;
  let browser: Browser;
  /**
   * What the server answered, by request URL, in order (the browser shows a revalidated answer as the 200 it kept).
   * Noted when the status line is written, before any byte leaves: a response's 'finish' may come after the
   * browser already has it.
   */
  const wire: { url: string; status: number }[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    // Before Express, which rewrites req.url under a mount point: the address as it came.
    server.app.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '';
      // Every response passes here, explicit or implicit (Node's implicit header calls writeHead too).
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      res.writeHead = ((...args: unknown[]) => {
        wire.push({ url, status: args[0] as number });
        return writeHead(...args);
      }) as ServerResponse['writeHead'];
    });
  });
  afterAll(() => stopConsole({ server, browser }));

  /** Records the GraphQL requests the page makes while `visit` runs and the page then settles. */
  async function recording(page: Page, visit: () => Promise<void>): Promise<Exchange[]> {
    const requests: Request[] = [];
    let lastRequestAt = Date.now();
    const onRequest = (request: Request) => {
      lastRequestAt = Date.now();
      if (new URL(request.url()).pathname === '/graphql') requests.push(request);
    };
    page.on('request', onRequest);
    await visit();
    // Settled: the load state's 'networkidle' is reached once per document, not after a client-side
    // navigation, so wait here until nothing has been asked for a while and every answer is in.
    for (let settled = false; !settled;) {
      await page.waitForTimeout(150);
      await Promise.all(requests.map((request) => request.response()));
      settled = Date.now() - lastRequestAt >= 500;
    }
    page.off('request', onRequest);
    return Promise.all(
      requests.map(async (request) => {
        await request.response();
        const url = new URL(request.url());
        const answered = wire.filter((entry) => entry.url === `${url.pathname}${url.search}`);
        return { request, url, wireStatus: answered.at(-1)?.status ?? 0 };
      }),
    );
  }

  /** A GET naming a registered query's hash, without its text. */
  function expectPersistedGet({ request, url }: Exchange): void {
    expect(request.method(), url.search).toBe('GET');
    expect(url.searchParams.get('query')).toBeNull();
    const extensions = JSON.parse(url.searchParams.get('extensions') ?? '{}') as {
      persistedQuery?: { version: number; sha256Hash: string };
    };
    expect(extensions.persistedQuery?.version).toBe(1);
    const operation = registered.get(extensions.persistedQuery?.sha256Hash ?? '');
    expect(operation?.type, url.search).toBe('query');
    expect(operation?.name).toBe(url.searchParams.get('operationName'));
  }

  it('a visitor reads every public page by hash: each query once, 200 or 304, and a page seen again is revalidated or not asked at all', async () => {
    const { page, errors } = await openPage(browser);
    const visits: { name: string; exchanges: Exchange[] }[] = [];
    visits.push({
      name: 'home',
      exchanges: await recording(page, async () => {
        await page.goto(`${server.url}/`);
        await page.getByTestId('assessment-row').first().waitFor();
      }),
    });
    const links = await offeredNavLinks(page);
    // The public pages, as the navigation offers them to a visitor (a new public page joins this walk by itself).
    expect(links).toEqual(expect.arrayContaining(['nav-dashboard', 'nav-methodology', 'nav-indicators', 'nav-regions']));
    const walk = async (round: string) => {
      for (const link of links.filter((testId) => testId !== 'nav-dashboard').concat('nav-dashboard')) {
        visits.push({ name: `${round} ${link}`, exchanges: await recording(page, () => clickNav(page, link)) });
      }
      visits.push({
        name: `${round} region`,
        exchanges: await recording(page, async () => {
          await page.locator('a.drill-link').first().click();
          await page.getByTestId('region-summary').waitFor();
        }),
      });
    };
    await walk('first');
    const firstRound = visits.flatMap((visit) => visit.exchanges);
    await walk('again');
    const again = visits.filter((visit) => visit.name.startsWith('again')).flatMap((visit) => visit.exchanges);
    visits.push({ name: 'reload', exchanges: await recording(page, () => page.reload().then(() => undefined)) });
    const reload = visits.at(-1)?.exchanges ?? [];

    const all = visits.flatMap((visit) => visit.exchanges);
    expect(firstRound.length).toBeGreaterThan(5);
    for (const exchange of all) expectPersistedGet(exchange);
    // Never refused, never a loop: every answer is a 200 or a 304.
    for (const exchange of all) expect([200, 304], exchange.url.search).toContain(exchange.wireStatus);
    expect(wire.filter((entry) => entry.status === 429)).toEqual([]);
    // Each page asks each of its queries once.
    for (const { name, exchanges } of visits) {
      const urls = exchanges.map((exchange) => exchange.url.search);
      expect(
        urls.filter((search, index) => urls.indexOf(search) !== index),
        name,
      ).toEqual([]);
    }
    // An answer seen for the first time is public and tagged; anything asked again in the same tab is either
    // answered by urql's cache (nothing sent) or revalidated by the browser (If-None-Match) and answered 304.
    const seen = new Set<string>();
    for (const exchange of all) {
      const { search } = exchange.url;
      if (!seen.has(search)) {
        seen.add(search);
        expect(exchange.wireStatus, search).toBe(200);
        const headers = (await exchange.request.response())?.headers() ?? {};
        expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
        expect(headers.etag).toMatch(/^"[\w-]+"$/);
        continue;
      }
      expect(await exchange.request.headerValue('if-none-match'), search).toMatch(/^"[\w-]+"$/);
      expect(exchange.wireStatus, search).toBe(304);
    }
    // The second walk and the reload: nothing but revalidations.
    expect([...again, ...reload].map((exchange) => exchange.wireStatus)).toEqual([...again, ...reload].map(() => 304));
    expect(again.length).toBeLessThan(firstRound.length);
    expect(reload.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a signed-in organization reads by hash too, privately and unstored, and its mutations are POSTs of their text', async () => {
    const { page, errors } = await openPage(browser);
    const exchanges = await recording(page, async () => {
      await signIn(page, server.url, 'county@massline.demo');
      await clickNav(page, 'nav-methodology');
      await page.getByTestId('methodology-row').first().waitFor();
    });
    const signInRequest = exchanges.find((exchange) => (exchange.request.postData() ?? '').includes('mutation SignIn'));
    expect(signInRequest?.request.method()).toBe('POST');
    const afterSignIn = exchanges.slice(exchanges.indexOf(signInRequest!) + 1);
    expect(afterSignIn.length).toBeGreaterThan(1);
    for (const exchange of afterSignIn) {
      expectPersistedGet(exchange);
      // A read the console gave up as it moved on (the dashboard's, when the navigation comes before its
      // answer on a busy machine) was aborted by the browser and has no answer to check.
      if (exchange.request.failure()?.errorText === 'net::ERR_ABORTED') continue;
      expect(exchange.wireStatus, exchange.url.search).toBe(200);
      const headers = await (await exchange.request.response())!.allHeaders();
      expect(headers['cache-control']).toBe('private, no-store');
      expect(headers.etag).toBeUndefined();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
