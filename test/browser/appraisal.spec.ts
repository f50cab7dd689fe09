import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { uuidOf } from '../support/global-id';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)(
  "a term's appraisal in Chromium: verdicts listed, inspections and audits recorded with shared's checks",
  () => {
    let server: TestServer;
    let browser: Browser;
    const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

    beforeAll(async () => {
      ({ server, browser } = await startConsole());
    });
    afterAll(() => stopConsole({ server, browser }));

    it('on a desktop: the county lists its terms with their verdicts, opens one and records an inspection after a refused score', async () => {
      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'county@massline.demo');
      await clickNav(page, 'nav-verdicts');
      await page.getByTestId('appraisal-open').first().click();
      await page.getByTestId('inspections').waitFor();
      const termId = new URL(page.url()).searchParams.get('term')!;
      const before = await sql<{ n: number }>('select count(*)::int as n from inspection where term_id = ?', [uuidOf(termId)]);

      await page.getByTestId('inspection-record-open').click();
      await page.getByTestId('inspection-score').fill('120');
      await page.getByTestId('inspection-findings').fill('Roads late; schools on time.');
      await page.getByTestId('inspection-inspector').fill('City inspection team 1');
      await page.getByTestId('inspection-submit').click();
      // Refused in the page by shared's rule, with its numbers, before anything is sent.
      await poll(() => page.getByTestId('inspection-form').textContent()).toContain('A score is between 0 and 100; got 120.');
      await page.getByTestId('inspection-score').fill('85');
      await page.getByTestId('inspection-submit').click();
      await page.getByText('Inspection recorded.').waitFor();
      await poll(
        async () => (await sql<{ n: number }>('select count(*)::int as n from inspection where term_id = ?', [uuidOf(termId)]))[0].n,
      ).toBe(before[0].n + 1);
      await poll(() => page.getByTestId('inspection-row').first().textContent()).toContain('City inspection team 1');
      expect(errors).toEqual([]);
    });

    it('at 375 px in 中文: a special audit refused in Chinese (showcase above total spending), then recorded; the auditor only reads', async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, server.url, 'county@massline.demo');
      await page.goto(`${server.url}/verdicts`);
      await page.getByTestId('appraisal-open').first().click();
      await page.getByTestId('audit-record-open').click();
      const amounts = { debtAtStart: '1000', debtAtEnd: '1800', totalSpending: '5000', irregularFunds: '10', showcaseSpending: '6000' };
      for (const [field, value] of Object.entries(amounts)) await page.getByTestId(`audit-${field}`).fill(value);
      await page.getByTestId('audit-findings').fill('2');
      await page.getByTestId('audit-body').fill('县审计局');
      await page.getByTestId('audit-submit').click();
      await poll(() => page.getByTestId('audit-form').textContent()).toMatch(/超过了任期内总支出/);
      await page.getByTestId('audit-showcaseSpending').fill('600');
      await page.getByTestId('audit-submit').click();
      await page.getByText('专项审计已记录。').waitFor();
      // Nothing spills past the phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await context.close();

      const { page: auditorPage } = await openPage(browser);
      await signIn(auditorPage, server.url, 'auditor@massline.demo');
      await auditorPage.goto(`${server.url}/verdicts`);
      await auditorPage.getByTestId('appraisal-open').first().click();
      await auditorPage.getByTestId('inspections').waitFor();
      expect(await auditorPage.getByTestId('inspection-record-open').count()).toBe(0);
      expect(await auditorPage.getByTestId('audit-record-open').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  },
);
