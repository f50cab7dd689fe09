import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

/**
 * The verdict settings page: the root organization drafts a version, the shared rules' problems shown on
 * their boxes before anything is sent, and puts it in force; an organization below the root reads the
 * versions, in Chinese on a phone, and is offered no write.
 */
describe.skipIf(!chromiumAvailable)('verdict settings in Chromium: versions, a draft checked as it is typed, put in force', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  it('on a desktop: the province drafts version 2 after fixing what the rules point out, then puts it in force', async () => {
    const { page, errors, operations } = await openPage(browser);
    await signIn(page, server.url, 'province@massline.demo');
    await clickNav(page, 'nav-verdict-settings');
    await poll(() => page.getByTestId('verdict-settings-row').count()).toBe(1);
    expect(await page.getByTestId('verdict-settings-in-force').textContent()).toContain('In force');
    expect(await page.getByTestId('verdict-settings-details').textContent()).toContain('Mass satisfaction0.5');

    await page.getByTestId('verdict-settings-new').click();
    const form = page.getByTestId('verdict-settings-form');
    // Prefilled from the version in force; each change is checked by the shared rules at once.
    expect(await page.getByTestId('verdict-settings-weights-mass').inputValue()).toBe('0.5');
    await page.getByTestId('verdict-settings-weights-inspection').fill('0.4');
    await poll(() => form.textContent()).toContain('The weights must sum to 1; they sum to 1.1.');
    await page.getByTestId('verdict-settings-bands-2-minimum').fill('80');
    await poll(() => form.textContent()).toContain('Must be below the band above (75); got 80.');
    await page.getByTestId('verdict-settings-submit').click();
    expect(operations.some((operation) => operation.includes('CreateVerdictSettings'))).toBe(false);

    await page.getByTestId('verdict-settings-weights-mass').fill('0.4');
    await page.getByTestId('verdict-settings-bands-2-minimum').fill('65');
    await poll(() => form.textContent()).not.toContain('The weights must sum to 1');
    await page.getByTestId('verdict-settings-note').fill('Inspection weighs as much as mass satisfaction');
    await page.getByTestId('verdict-settings-submit').click();
    await page.getByText('Version 2 is written as a draft: put it in force when it is agreed.').waitFor();
    await poll(() => page.getByTestId('verdict-settings-row').count()).toBe(2);
    const [draft] = await sql<{ active: boolean; settings: { weights: Record<string, number>; bands: { minimum: number }[] } }>(
      'select active, settings from verdict_settings where version = 2',
    );
    expect(draft.active).toBe(false);
    expect(draft.settings.weights).toEqual({ mass: 0.4, inspection: 0.4, audit: 0.2 });
    expect(draft.settings.bands.map((band) => band.minimum)).toEqual([90, 75, 65, 0]);

    const row = page.getByTestId('verdict-settings-row').filter({ hasText: 'v2' });
    await row.getByTestId('verdict-settings-activate').click();
    await row.getByTestId('verdict-settings-activate-confirm').click();
    await page.getByText('Version 2 is in force.').waitFor();
    await poll(async () =>
      (await sql<{ version: number }>('select version from verdict_settings where active')).map((r) => r.version),
    ).toEqual([2]);
    await poll(() => row.getByTestId('verdict-settings-in-force').count()).toBe(1);
    expect(await page.getByTestId('verdict-settings-row').filter({ hasText: 'v1' }).textContent()).toContain('Replaced');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 375 px in 中文: the county reads the versions and what each fixes, and is offered no write', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, server.url, 'county@massline.demo');
    await page.goto(`${server.url}/verdict-settings`);
    await page.getByTestId('verdict-settings-page').waitFor();
    await poll(() => page.getByTestId('verdict-settings-in-force').count()).toBe(1);
    expect(await page.getByTestId('verdict-settings-page').locator('h1').textContent()).toBe('评定设置');
    expect(await page.getByTestId('verdict-settings-in-force').textContent()).toContain('生效中');
    expect(await page.getByTestId('verdict-settings-details').textContent()).toContain('群众满意度');
    expect(await page.getByTestId('verdict-settings-new').count()).toBe(0);
    expect(await page.getByTestId('verdict-settings-activate').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });
});
