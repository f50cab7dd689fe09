import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { ACTOR_EMAILS, type TestServer } from '../support/test-server';

/** A page (its chunk, its messages, its queries) is given this long to show what is asserted. */
const PAGE_WAIT = { timeout: 10_000 };

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 740 }],
] as const;

/**
 * The regions tree opens where its reader works: an organization's or auditor's jurisdiction expanded with
 * its ancestors as a trail, a citizen's residence, the public's province; the trail opens the tree higher
 * up. The region pickers open at the jurisdiction.
 */
describe.skipIf(!chromiumAvailable)('the regions tree at the reader’s own jurisdiction, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  /** The codes of the tree's rows, top to bottom, once the first has shown. */
  async function rowCodes(page: Page): Promise<string[]> {
    await page.getByTestId('region-node').first().waitFor(PAGE_WAIT);
    return page.getByTestId('region-node').locator(':scope > .region-row > .mono').allTextContents();
  }
  /** The trail above the tree: the ancestors' names (the last item is the region itself). */
  const trail = (page: Page) => page.getByTestId('regions-trail').locator('li').allTextContents();
  /** The first row's toggle says whether its children are shown. */
  const firstExpanded = (page: Page) =>
    page.getByTestId('region-node').first().locator('.tree-toggle').first().getAttribute('aria-expanded');

  it.each(VIEWPORTS)('the public (%s) sees the province with its cities listed, and no trail', async (_name, viewport) => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}/regions`);
    await expect.poll(async () => (await rowCodes(page)).length, PAGE_WAIT).toBeGreaterThan(1);
    const codes = await rowCodes(page);
    expect(codes[0]).toBe('88');
    expect(codes).toContain('8801');
    expect(await firstExpanded(page)).toBe('true');
    expect(await page.getByTestId('regions-trail').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(VIEWPORTS)(
    'an organization (%s) sees its county expanded under the trail province › city, and the trail opens the city',
    async (_name, viewport) => {
      const { page, errors } = await openPage(browser);
      await page.setViewportSize(viewport);
      await signIn(page, server.url, ACTOR_EMAILS.orgIn);
      await page.goto(`${server.url}/regions`);
      await expect.poll(async () => (await rowCodes(page)).length, PAGE_WAIT).toBeGreaterThan(1);
      const codes = await rowCodes(page);
      expect(codes[0]).toBe('880101');
      expect(codes.slice(1).every((code) => code.startsWith('880101') && code.length === 9)).toBe(true);
      expect(await firstExpanded(page)).toBe('true');
      expect(await trail(page)).toHaveLength(3);

      // The city in the trail opens the tree there: the county is one of its rows.
      await page.getByTestId('regions-trail').getByRole('link').nth(1).click();
      await page.waitForURL(/\/regions\?region=/);
      await expect.poll(async () => (await rowCodes(page))[0], PAGE_WAIT).toBe('8801');
      await expect.poll(() => rowCodes(page), PAGE_WAIT).toContain('880101');
      expect(await trail(page)).toHaveLength(2);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('an auditor sees their city expanded; a citizen their township of residence, under its three ancestors', async () => {
    const auditor = await openPage(browser);
    await signIn(auditor.page, server.url, ACTOR_EMAILS.auditor);
    await auditor.page.goto(`${server.url}/regions`);
    await expect.poll(async () => (await rowCodes(auditor.page)).length, PAGE_WAIT).toBeGreaterThan(1);
    expect((await rowCodes(auditor.page))[0]).toBe('8801');
    expect(await firstExpanded(auditor.page)).toBe('true');
    expect(await trail(auditor.page)).toHaveLength(2);

    const citizen = await openPage(browser);
    await signIn(citizen.page, server.url, ACTOR_EMAILS.citizen);
    await citizen.page.goto(`${server.url}/regions`);
    expect(await rowCodes(citizen.page)).toEqual(['880101001']);
    expect(await trail(citizen.page)).toHaveLength(4);
    expect([...auditor.errors, ...citizen.errors]).toEqual([]);
    await auditor.page.context().close();
    await citizen.page.context().close();
  });

  it('a region picker opens at the jurisdiction: the county first, then its townships', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, ACTOR_EMAILS.orgIn);
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-create-open').click();
    await page.getByTestId('user-region').focus();
    const options = page.getByTestId('user-region-option');
    await options.first().waitFor(PAGE_WAIT);
    const texts = await options.allTextContents();
    expect(texts[0]).toContain('880101');
    expect(texts.slice(1).every((text) => /880101\d{3}/.test(text))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
