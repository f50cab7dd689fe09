import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Response } from 'playwright-core';
import { chromiumAvailable, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

/** The console's queries travel as GETs naming a registered hash: cacheable when public, never when signed in. */
describe.skipIf(!chromiumAvailable)('persisted queries from the console', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  const graphqlResponses = (responses: Response[]) => responses.filter((r) => new URL(r.url()).pathname === '/graphql');

  it('a visitor reads the public dashboard by hash: no query text sent, public answers with an ETag', async () => {
    const { page, errors } = await openPage(browser);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${server.url}/`);
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    const sent = graphqlResponses(responses);
    expect(sent.length).toBeGreaterThan(0);
    for (const response of sent) {
      const url = new URL(response.url());
      expect(response.request().method()).toBe('GET');
      expect(url.searchParams.get('query')).toBeNull();
      expect(JSON.parse(url.searchParams.get('extensions') ?? '{}')).toMatchObject({ persistedQuery: { version: 1 } });
      expect(response.status()).toBe(200);
      const headers = await response.allHeaders();
      expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(headers.etag).toMatch(/^"/);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a signed-in organization gets its answers private and unstored, and its mutations are POSTs', async () => {
    const { page, errors } = await openPage(browser);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await signIn(page, server.url, 'county@massline.demo');
    await page.goto(`${server.url}/`);
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    const sent = graphqlResponses(responses);
    const signInRequest = sent.find((r) => (r.request().postData() ?? '').includes('mutation SignIn'));
    expect(signInRequest?.request().method()).toBe('POST');
    const afterSignIn = sent.slice(sent.indexOf(signInRequest!) + 1).filter((r) => r.request().method() === 'GET');
    expect(afterSignIn.length).toBeGreaterThan(0);
    for (const response of afterSignIn) {
      const headers = await response.allHeaders();
      expect(headers['cache-control']).toBe('private, no-store');
      expect(headers.etag).toBeUndefined();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
