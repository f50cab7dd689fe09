import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, startConsole, stopConsole, clickNav, offeredNavLinks, openPage, signIn } from '../support/browser';
import type { TestServer } from '../support/test-server';

const AUDITOR = 'auditor@massline.demo';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';

/** The security log in the console: the auditors' page, reached from the navigation; organizations are not offered it. */
describe.skipIf(!chromiumAvailable)('security log in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  it('an auditor opens the security log from the navigation: his own sign-in comes first, a failed one is found by kind', async () => {
    const failed = await server.client().request(SIGN_IN, { input: { email: AUDITOR, password: 'not-the-password' } });
    expect(failed.errors).not.toEqual([]);

    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, AUDITOR);
    expect(await offeredNavLinks(page)).toContain('nav-security-log');
    await clickNav(page, 'nav-security-log');
    await page.waitForURL(/\/security-log$/);
    await page.getByRole('heading', { name: 'Security log' }).waitFor();

    // Newest first: the sign-in that opened this page.
    const newest = page.getByTestId('security-event-row').first();
    await newest.waitFor();
    expect(await newest.locator('[data-kind="SIGN_IN"]').textContent()).toBe('Sign-in');
    expect(await newest.textContent()).toContain(AUDITOR);

    await page.getByTestId('security-filter-kind-SIGN_IN_FAILED').check();
    await expect.poll(() => page.getByTestId('security-event-row').locator('[data-kind]').allTextContents()).toEqual(['Failed sign-in']);
    const failure = page.getByTestId('security-event-row').first();
    expect(await failure.textContent()).toContain(AUDITOR);
    expect(await failure.textContent()).toContain('Wrong password');

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an organization is not offered the security log, and typing its address sends no query', async () => {
    const { page, errors, operations } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    const offered = await offeredNavLinks(page);
    expect(offered).toContain('nav-audit');
    expect(offered).not.toContain('nav-security-log');
    await page.goto(`${server.url}/security-log`);
    await page.getByTestId('not-allowed').waitFor();
    expect(operations.some((body) => /\bsecurityEvents\s*\(/.test(body))).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
