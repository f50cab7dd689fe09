import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, clickNav, launchBrowser, openPage, signIn } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('harmony console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an anonymous visitor sees the public dashboard only: published figures, no staff pages', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('assessment-row').first().waitFor();
    const rows = await page.getByTestId('assessment-row').allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows.join(' ')).toMatch(/Jiangchuan City/);
    // Grades are named, not only coloured.
    expect((await page.getByTestId('grade-badge').first().textContent())?.trim()).toMatch(/harmonious|attention|warning/i);
    const periods = await page.getByTestId('period-select').locator('option').allTextContents();
    expect(periods.join(' ')).not.toMatch(/2026-Q3/);
    for (const staffOnly of ['nav-observations', 'nav-import', 'nav-alerts', 'nav-sensitivity', 'nav-users', 'nav-audit']) {
      expect(await page.getByTestId(staffOnly).count(), staffOnly).toBe(0);
    }
    expect(await page.getByTestId('alerts-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an organization imports a CSV with one bad row, sees the report with nothing written, fixes it and sees the dashboard change', async () => {
    const [township] = await sql<{ id: string }>(`select id from region where code = '880101003'`);
    const trust = async () =>
      (
        await sql<{ value: number }>(
          `select o.value from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id where r.code = '880101003' and o.period = '2026-Q3' and i.code = 'CADRE_TRUST'`,
        )
      )[0].value;
    const before = await trust();
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');

    const summaryIndex = async () => {
      await page.goto(`${server.url}/?region=${township.id}&period=2026-Q3`);
      const summary = page.getByTestId('region-summary');
      await summary.locator('.summary-index').waitFor();
      return (await summary.locator('.summary-index').textContent())?.trim();
    };
    const indexBefore = await summaryIndex();

    const header = 'region_code,period,indicator,value,raw_count,raw_total,source';
    const upload = async (rows: string[]) => {
      await clickNav(page, 'nav-import');
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'observations.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-report').waitFor();
    };
    await upload([
      '880101003,2026-Q3,CADRE_TRUST,99,,,survey',
      '880101003,2026-Q3,HOT_ISSUES,,59,60,office',
      '880101003,2026-Q3,GINI,1.4,,,typo',
    ]);
    await page.getByTestId('import-rejected').waitFor();
    const errorRows = await page.getByTestId('import-error-row').allTextContents();
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]).toMatch(/4/);
    expect(errorRows[0]).toMatch(/GINI/);
    expect(await trust()).toBe(before);

    await upload([
      '880101003,2026-Q3,CADRE_TRUST,99,,,survey',
      '880101003,2026-Q3,HOT_ISSUES,,59,60,office',
      '880101003,2026-Q3,GINI,0.24,,,fixed',
    ]);
    await page.getByTestId('import-accepted').waitFor();
    expect((await page.getByTestId('import-written').textContent())?.trim()).toBe('3');
    expect(await trust()).toBe(99);

    const indexAfter = await summaryIndex();
    expect(indexAfter).not.toBe(indexBefore);
    expect(Number(indexAfter)).toBeGreaterThan(Number(indexBefore));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
