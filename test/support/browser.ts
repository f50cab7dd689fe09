import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../server/src/app/config';
import type { PersistedOperationManifest } from '../../server/src/app/persisted-operations';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './test-server';

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). In CI the browser tests must
 * run: a missing Chromium fails them. Elsewhere they skip, saying so.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  if (process.env.CI)
    throw new Error(`Browser tests must run in CI, but there is no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  console.warn(`\n[browser tests] SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface ConsoleUnderTest {
  server: TestServer;
  browser: Browser;
}

/** A test server serving the built console, and a Chromium: what each browser spec starts with. */
export async function startConsole(): Promise<ConsoleUnderTest> {
  const server = await startTestServer();
  if (!fs.existsSync(path.join(server.config.webDist, 'index.html'))) {
    await server.close();
    throw new Error('The console is not built: run npm run build (npm test does)');
  }
  return { server, browser: await launchBrowser() };
}

export async function stopConsole(running: Partial<ConsoleUnderTest>): Promise<void> {
  await running.browser?.close();
  await running.server?.close();
}

/** A page of the console and what it did: every console error, the body of every GraphQL request. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  operations: string[];
}

const registeredBodies = new Map(
  (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'web', 'persisted-operations.json'), 'utf8')) as PersistedOperationManifest
  ).operations.map((operation) => [operation.id, operation.body]),
);

/**
 * What a request to /graphql sends: a POST's body, or for a GET (the console sends its queries by hash)
 * the same JSON a POST would carry, with the registered text of its hash (or its `query` parameter) and
 * its variables. Null: not GraphQL.
 */
export function sentOperation(request: Request): string | null {
  const url = new URL(request.url());
  if (url.pathname !== '/graphql') return null;
  if (request.method() !== 'GET') return request.postData() ?? '';
  const extensions = JSON.parse(url.searchParams.get('extensions') ?? '{}') as { persistedQuery?: { sha256Hash?: string } };
  return JSON.stringify({
    operationName: url.searchParams.get('operationName'),
    query: url.searchParams.get('query') ?? registeredBodies.get(extensions.persistedQuery?.sha256Hash ?? '') ?? '',
    variables: JSON.parse(url.searchParams.get('variables') ?? '{}') as unknown,
  });
}

/** A fresh page in English; a refused mutation is an HTTP 200 with errors, so any console error is a bug. */
export async function openPage(browser: Browser): Promise<WatchedPage> {
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const errors: string[] = [];
  const operations: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    const operation = sentOperation(request);
    if (operation !== null) operations.push(operation);
  });
  return { page, errors, operations };
}

/**
 * Follows a link of the main navigation. Links sit in menus (one per mechanism, one for administration):
 * open the link's menu first when it is closed, as a reader would. Returns once the new page is the one
 * shown (its address, its link marked current): a navigation still under way when the next step starts
 * would land in the middle of it (and close the menu that step opened).
 */
export async function clickNav(page: Page, testId: string): Promise<void> {
  const link = page.getByTestId(testId);
  const href = (await link.getAttribute('href')) ?? '';
  if (!(await link.isVisible())) {
    await page.getByTestId('nav').locator('.nav-group', { has: link }).getByRole('button').click();
  }
  await link.click();
  await page.waitForURL((url) => url.pathname === new URL(href, url).pathname);
  await page.locator(`[data-testid="${testId}"][aria-current="page"]`).waitFor({ state: 'attached' });
}

/** The test ids of the navigation's links offered to the caller, in open or closed menus alike. */
export async function offeredNavLinks(page: Page): Promise<string[]> {
  await page.getByTestId('nav').waitFor();
  return page.locator('[data-testid^="nav-"]:is(a)').evaluateAll((links) => links.map((link) => link.getAttribute('data-testid') ?? ''));
}

/** Signs a demo account in through the console's form. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('nav-account').waitFor();
}

/** Polls until the assertion that follows holds: the machine may be busy, so a change shows within seconds, not at once. */
export function poll<T>(read: () => Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 20_000 });
}
