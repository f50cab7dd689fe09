import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('cadres, posts and terms, and the notification bell, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  it('an organization records a cadre, a post and a term, sees the holder, and ends the term', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');

    await clickNav(page, 'nav-cadres');
    await page.getByTestId('cadre-row').first().waitFor();
    await page.getByTestId('cadre-create-open').click();
    await page.getByTestId('cadre-name').fill('欧阳明远');
    await page.getByTestId('cadre-region').fill('Dongshan');
    await page.getByTestId('cadre-region-option').filter({ hasText: 'Dongshan County' }).first().click();
    await page.getByTestId('cadre-create-submit').click();
    await page.getByText('欧阳明远 was recorded.').waitFor();

    await clickNav(page, 'nav-posts');
    await page.getByTestId('post-row').first().waitFor();
    await page.getByTestId('post-create-open').click();
    await page.getByTestId('post-title').fill('Director of the Dongshan Rural Roads Office');
    await page.getByTestId('post-title-zh').fill('东山县农村公路办公室主任');
    await page.getByTestId('post-region').fill('Dongshan');
    await page.getByTestId('post-region-option').filter({ hasText: 'Dongshan County' }).first().click();
    // Only the levels that serve a county, only the organizations of the county or above it in the jurisdiction.
    await poll(() => page.getByTestId('post-level').locator('option').allTextContents()).toEqual(['Choose…', 'County']);
    await page.getByTestId('post-level').selectOption('COUNTY');
    await poll(() => page.getByTestId('post-organization').locator('option').count()).toBe(2);
    await page.getByTestId('post-organization').selectOption({ index: 1 });
    await page.getByTestId('post-create-submit').click();
    await page.getByText('Director of the Dongshan Rural Roads Office was recorded.').waitFor();

    await clickNav(page, 'nav-cadres');
    await page.getByTestId('cadre-filter-search').fill('欧阳明远');
    await page.getByTestId('cadre-link').filter({ hasText: '欧阳明远' }).click();
    await page.getByTestId('cadre-name-heading').filter({ hasText: '欧阳明远' }).waitFor();
    await page.getByTestId('term-create-open').click();
    await page.getByTestId('term-post-search').fill('Rural Roads');
    await poll(() => page.getByTestId('term-post').locator('option').count()).toBe(2);
    await page.getByTestId('term-post').selectOption({ index: 1 });
    // Longer than five years: refused before anything is sent, with the latest end allowed.
    await page.getByTestId('term-starts-on').fill('2025-01-01');
    await page.getByTestId('term-ends-on').fill('2031-01-01');
    await page.getByTestId('term-create-submit').click();
    await page.getByTestId('field-error').filter({ hasText: 'end on 2030-01-01 at the latest' }).waitFor();
    await page.getByTestId('term-ends-on').fill('2030-01-01');
    await page.getByTestId('term-create-submit').click();
    await page.getByTestId('term-row').filter({ hasText: 'Current' }).waitFor();

    // The post shows its holder.
    await clickNav(page, 'nav-posts');
    await page.getByTestId('post-filter-search').fill('Rural Roads');
    await poll(() => page.getByTestId('post-row').filter({ hasText: 'Rural Roads' }).getByTestId('post-holder').textContent()).toBe(
      '欧阳明远',
    );

    // Ended by resignation.
    await page.getByTestId('post-holder').filter({ hasText: '欧阳明远' }).click();
    await page.getByTestId('term-end-open').click();
    await page.getByTestId('term-ended-on').fill('2025-06-30');
    await page.getByTestId('term-end-reason').selectOption('RESIGNATION');
    await page.getByTestId('term-end-submit').click();
    await poll(() => page.getByTestId('term-ended').textContent()).toBe('Resignation · 2025-06-30');
    const [row] = await sql<{ ended_on: string; end_reason: string }>(
      `select t.ended_on::text, t.end_reason from term t join cadre c on c.id = t.cadre_id where c.name = '欧阳明远'`,
    );
    expect(row).toEqual({ ended_on: '2025-06-30', end_reason: 'RESIGNATION' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a citizen on a 375 px phone sees the bell count of a new notification, reads it in both languages and marks it read', async () => {
    // The demo tells this citizen of a grant's public notice: read already, so that the bell starts at zero.
    await sql(
      `update notification set read_at = now() where read_at is null and user_id = (select id from app_user where email = 'citizen@massline.demo')`,
    );
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server.url, 'citizen@massline.demo');
    await page.getByTestId('notification-bell').waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);

    // A campaign of the citizen's township opens: the service notifies its verified residents.
    await server.orm.em.fork().transactional((em) =>
      server.app.services.notifications.notifications.notifyVerifiedResidents(em, {
        regionPath: '/88/8801/880101/880101001/',
        kind: 'CAMPAIGN_OPENED',
        params: { title: 'Autumn review of Chengguan Town', titleZh: '城关镇秋季干部评议', closesAt: '2026-12-15T12:00:00.000Z' },
        subjectId: '6f1c1c5e-0000-4000-8000-000000000010',
      }),
    );
    // The bell asks again when the window regains focus.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await poll(() => page.getByTestId('notification-count').textContent()).toBe('1');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    await page.getByTestId('notification-bell').click();
    const message = page.getByTestId('notification-message').first();
    await poll(() => message.textContent()).toContain('The evaluation campaign “Autumn review of Chengguan Town” is open');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await poll(() => message.textContent()).toContain('干部评议活动“城关镇秋季干部评议”已开始');
    await page.getByTestId('notification-mark-read').first().click();
    await poll(() => page.getByTestId('notification-count').count()).toBe(0);
    const [row] = await sql<{ read: boolean }>(
      `select read_at is not null as read from notification where subject_id = '6f1c1c5e-0000-4000-8000-000000000010' and user_id = (select id from app_user where email = 'citizen@massline.demo')`,
    );
    expect(row.read).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
