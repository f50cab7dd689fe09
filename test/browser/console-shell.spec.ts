import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, startConsole, stopConsole, clickNav, offeredNavLinks, openPage, signIn } from '../support/browser';
import type { TestServer } from '../support/test-server';

const NAV_LINKS = ['nav-regions', 'nav-users', 'nav-organizations', 'nav-api-tokens', 'nav-audit', 'nav-account'] as const;

describe.skipIf(!chromiumAvailable)('console shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  /** The links of NAV_LINKS the caller is offered (in a closed menu or not), in NAV_LINKS order. */
  async function visibleNav(page: Page): Promise<string[]> {
    const offered = await offeredNavLinks(page);
    return NAV_LINKS.filter((id) => offered.includes(id));
  }

  it.each([
    ['county@massline.demo', ['nav-regions', 'nav-users', 'nav-organizations', 'nav-api-tokens', 'nav-audit', 'nav-account']],
    ['auditor@massline.demo', ['nav-regions', 'nav-users', 'nav-organizations', 'nav-api-tokens', 'nav-audit', 'nav-account']],
    ['citizen@massline.demo', ['nav-regions', 'nav-organizations', 'nav-account']],
  ])('%s sees their role navigation and nothing else', async (email, expected) => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, email);
    expect(await visibleNav(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a visitor who is not signed in sees the public navigation only', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    expect(await visibleNav(page)).toEqual(['nav-regions']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an organization creates a user, who then appears in the list', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-users');
    await page.getByTestId('user-row').first().waitFor();
    await page.getByTestId('user-create-open').click();
    await page.getByTestId('user-email').fill('browser-made@massline.test');
    await page.getByTestId('user-name').fill('Made in Chromium');
    await page.getByTestId('user-role').selectOption('AUDITOR');
    await page.getByTestId('user-password').fill('a-long-password');
    // The region picker is searchable: type, then choose.
    await page.getByTestId('user-region').fill('Dongshan');
    await page.getByTestId('user-region-option').filter({ hasText: 'Dongshan County' }).first().click();
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId('user-row').filter({ hasText: 'browser-made@massline.test' }).waitFor();
    const { users } = await (
      await server.as('orgIn')
    ).ok<{ users: { totalCount: number } }>('{ users(first: 1, filter: { search: "browser-made" }) { totalCount } }');
    expect(users.totalCount).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a citizen who types /users reaches a not-allowed page, and no users query is sent', async () => {
    const { page, operations } = await openPage(browser);
    await signIn(page, server.url, 'citizen@massline.demo');
    await page.goto(`${server.url}/users`);
    await page.getByTestId('not-allowed').waitFor();
    expect(operations.some((body) => /\busers\s*\(/.test(body))).toBe(false);
    await page.context().close();
  });
  it('groups the navigation in menus that name the current page, open with the keyboard and close with Escape; phones get one menu button', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-users');
    await page.getByTestId('user-row').first().waitFor();
    const trigger = page.getByTestId('nav-group-administration-trigger');
    expect(await trigger.textContent()).toContain('Users');
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    await trigger.focus();
    await page.keyboard.press('Enter');
    expect(await trigger.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('nav-audit').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('nav-audit').isVisible()).toBe(false);
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.setViewportSize({ width: 375, height: 740 });
    const menuButton = page.getByTestId('nav-menu-button');
    expect(await menuButton.textContent()).toContain('Users');
    expect(await page.getByTestId('nav-dashboard').isVisible()).toBe(false);
    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    // On a phone every menu's links show at once, under their menu's name.
    expect(await page.getByTestId('nav-dashboard').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-audit').isVisible()).toBe(true);
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/audit$/);
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    // The router changes the address at once and the page (and the button's label) once the audit log's chunk is in.
    await expect.poll(() => menuButton.textContent()).toContain('Audit log');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
