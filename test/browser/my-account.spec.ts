import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, openPage, startConsole, stopConsole } from '../support/browser';
import { DEMO_PASSWORD, type TestServer } from '../support/test-server';

/** A page (its chunk, its messages, its queries) is given this long to show what is asserted. */
const PAGE_WAIT = { timeout: 10_000 };

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 740 }],
] as const;

/**
 * "My account" as a person uses it: the account's details under labels that say what they are, a password
 * change that signs out the person's other browsers (and keeps this one), and the list of sessions, where
 * another browser's session is ended. On a desktop and on a 375 px phone.
 */
describe.skipIf(!chromiumAvailable)('my account in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  async function signInAs(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/account')}`);
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByTestId('account-sessions').waitFor();
  }

  /** Whether a browser is still signed in: its account page opens, or it is sent to sign in. */
  async function stillSignedIn(page: Page): Promise<boolean> {
    await page.goto(`${server.url}/account`);
    // The address is /account at first either way: what shows next (the account, or the sign-in form) says.
    await page.getByTestId('account-details').or(page.getByTestId('sign-in-email')).waitFor(PAGE_WAIT);
    return new URL(page.url()).pathname === '/account' && (await page.getByTestId('account-details').isVisible());
  }

  const sessionRows = (page: Page) => page.getByTestId('session-row');
  /** The page is no wider than the screen: nothing sticks out sideways on a phone. */
  const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it.each(VIEWPORTS)('on a %s, a citizen changes the password: the other browser is signed out, this one stays', async (name, viewport) => {
    const email = `account-${name}@massline.test`;
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001', citizenStatus: 'UNVERIFIED' });
    const here = await openPage(browser);
    await here.page.setViewportSize(viewport);
    const elsewhere = await openPage(browser);
    await signInAs(elsewhere.page, email, DEMO_PASSWORD);
    await signInAs(here.page, email, DEMO_PASSWORD);
    const { page } = here;

    // The details: each label says what it is (no two alike).
    const labels = await page.getByTestId('account-details').locator('dt').allTextContents();
    expect(labels).toContain('Region of residence');
    expect(labels).toContain('Verification status');
    expect(new Set(labels).size).toBe(labels.length);

    // Two sessions, this one marked.
    await expect.poll(() => sessionRows(page).count(), PAGE_WAIT).toBe(2);
    expect(await page.locator('[data-testid="session-row"][data-current]').count()).toBe(1);

    // A wrong current password is refused at its field, in words.
    await page.getByTestId('change-password-current').fill('not-my-password');
    await page.getByTestId('change-password-new').fill('a-brand-new-password');
    await page.getByTestId('change-password-repeat').fill('a-brand-new-password');
    await page.getByTestId('change-password-submit').click();
    await expect
      .poll(() => page.getByTestId('change-password-form').textContent(), PAGE_WAIT)
      .toContain('This is not your current password');

    // A new password like the current one is refused before anything is sent.
    await page.getByTestId('change-password-current').fill(DEMO_PASSWORD);
    await page.getByTestId('change-password-new').fill(DEMO_PASSWORD);
    await page.getByTestId('change-password-repeat').fill(DEMO_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await expect
      .poll(() => page.getByTestId('change-password-form').textContent(), PAGE_WAIT)
      .toContain('The new password must differ from the current one');

    await page.getByTestId('change-password-new').fill('a-brand-new-password');
    await page.getByTestId('change-password-repeat').fill('a-brand-new-password');
    await page.getByTestId('change-password-submit').click();
    await expect
      .poll(() => page.getByTestId('change-password-form').textContent(), PAGE_WAIT)
      .toContain('Password changed. 1 other session was signed out.');
    await expect.poll(() => sessionRows(page).count(), PAGE_WAIT).toBe(1);
    expect(await overflowsSideways(page)).toBe(false);

    expect(await stillSignedIn(elsewhere.page)).toBe(false);
    expect(await stillSignedIn(page)).toBe(true);
    // The new password is the one that signs in now.
    await signInAs(elsewhere.page, email, 'a-brand-new-password');
    expect([...here.errors, ...elsewhere.errors]).toEqual([]);
    await here.page.context().close();
    await elsewhere.page.context().close();
  });

  it.each(VIEWPORTS)('on a %s, a person ends another browser’s session from the list', async (name, viewport) => {
    const email = `sessions-${name}@massline.test`;
    await server.createUser({ email, role: 'AUDITOR', regionCode: '8801' });
    const other = await openPage(browser);
    await signInAs(other.page, email, DEMO_PASSWORD);
    const here = await openPage(browser);
    await here.page.setViewportSize(viewport);
    await signInAs(here.page, email, DEMO_PASSWORD);
    const { page } = here;
    await expect.poll(() => sessionRows(page).count(), PAGE_WAIT).toBe(2);
    const labels = await page.getByTestId('account-details').locator('dt').allTextContents();
    expect(labels).toContain('Jurisdiction');

    const otherRow = page.locator('[data-testid="session-row"]:not([data-current])');
    await otherRow.getByTestId('session-end').click();
    await otherRow.getByTestId('session-end-confirm').click();
    await expect.poll(() => sessionRows(page).count(), PAGE_WAIT).toBe(1);
    await page.getByText('Session ended: that browser is signed out.').waitFor(PAGE_WAIT);
    expect(await page.locator('[data-testid="session-row"][data-current]').count()).toBe(1);
    expect(await overflowsSideways(page)).toBe(false);

    expect(await stillSignedIn(other.page)).toBe(false);
    expect(await stillSignedIn(page)).toBe(true);
    expect([...here.errors, ...other.errors]).toEqual([]);
    await here.page.context().close();
    await other.page.context().close();
  });

  it('in 中文, the page, its refusals and its sessions are in Chinese', async () => {
    const email = 'account-zh@massline.test';
    await server.createUser({ email, role: 'CITIZEN', regionCode: '880101001' });
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page, email, DEMO_PASSWORD);
    const labels = await page.getByTestId('account-details').locator('dt').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['居住地区', '核验状态']));
    await page.getByTestId('change-password-current').fill('not-my-password');
    await page.getByTestId('change-password-new').fill('short');
    await page.getByTestId('change-password-repeat').fill('short');
    await page.getByTestId('change-password-submit').click();
    // Checked here first, by the shared rule, with its number.
    await expect.poll(() => page.getByTestId('change-password-form').textContent(), PAGE_WAIT).toContain('至少 10 个字符。');
    await page.getByTestId('change-password-new').fill('a-brand-new-password');
    await page.getByTestId('change-password-repeat').fill('a-brand-new-password');
    await page.getByTestId('change-password-submit').click();
    await expect.poll(() => page.getByTestId('change-password-form').textContent(), PAGE_WAIT).toContain('这不是您当前的密码。');
    expect(await page.locator('[data-testid="session-row"][data-current]').textContent()).toContain('本会话');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
