import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, startConsole, stopConsole, clickNav, openPage, signIn } from '../support/browser';
import { globalId } from '../support/global-id';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('harmony console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

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

  it('an address naming an unknown region shows that it is not found, beside a working page; a malformed one says so', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?region=${globalId('Region', '00000000-0000-4000-8000-000000000000')}&period=2026-Q2`);
    await page.getByTestId('region-not-found').waitFor();
    expect(await page.getByTestId('region-not-found').textContent()).toMatch(/no such region/i);
    expect(await page.getByTestId('period-select').count()).toBe(1);
    await page.goto(`${server.url}/?region=not-an-id&period=2026-Q2`);
    await page
      .getByRole('alert')
      .filter({ hasText: /does not point to the right kind of record/ })
      .waitFor();
    // The refusals are answers (GraphQL errors shown on the page), not crashes.
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
    // The indicator by its name in the reader's language, the bounds and the value refused.
    expect(errorRows[0]).toMatch(/Gini coefficient of household income must be between 0 and 1, got 1.4/);
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

  it('computes a Gini from a microdata file larger than a GraphQL request may be, streamed as an upload', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-observations');
    const tools = page.getByTestId('gini-tools');
    await tools.waitFor();
    await page.getByTestId('gini-region').fill('Chengguan');
    await page.getByTestId('gini-region-option').first().click();
    await page.getByTestId('gini-period').fill('2025-Q4');
    // 200,000 households: about 1.3 MB, past the 1 MB a JSON request may carry.
    const incomes = Array.from({ length: 200_000 }, (_, i) => 1000 + ((i * 7919) % 90_000));
    await page
      .getByTestId('gini-file')
      .setInputFiles({ name: 'incomes.csv', mimeType: 'text/csv', buffer: Buffer.from(['income', ...incomes].join('\n')) });
    await page.getByTestId('gini-submit').click();
    const result = page.getByTestId('gini-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/200[,\s]?000/);
    const [stored] = await sql<{ method: string }>(
      `select o.method from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id where r.code = '880101001' and o.period = '2025-Q4' and i.code = 'GINI'`,
    );
    expect(stored.method).toBe('GINI_MICRODATA');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('data entry shows the value a correction replaces, and refuses a correction someone else made meanwhile', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-observations');
    const form = page.getByTestId('observation-form');
    await form.waitFor();
    await page.getByTestId('observation-region').fill('Chengguan');
    await page.getByTestId('observation-region-option').first().click();
    await page.getByTestId('observation-period').fill('2025-Q4');
    await page.getByTestId('observation-indicator').selectOption('CADRE_TRUST');
    const current = page.getByTestId('observation-current');
    await expect.poll(async () => (await current.textContent()) ?? '').toMatch(/revision 1/);

    // Someone else corrects the same value while the form still shows revision 1.
    const [region] = await sql<{ id: string }>(`select id from region where code = '880101001'`);
    const other = await server.as('orgIn');
    await other.ok('mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { revision } }', {
      input: { regionId: region.id, period: '2025-Q4', indicatorCode: 'CADRE_TRUST', value: 71, expectedRevision: 1 },
    });

    await page.getByTestId('observation-value').fill('72');
    await page.getByTestId('observation-submit').click();
    await expect.poll(async () => (await form.textContent()) ?? '').toMatch(/changed this value meanwhile/);
    // The form now shows the other correction; saving again corrects that one.
    await expect.poll(async () => (await current.textContent()) ?? '').toMatch(/revision 2/);
    await page.getByTestId('observation-submit').click();
    await expect.poll(async () => (await form.textContent()) ?? '').toMatch(/Corrected:.*revision 3/);
    const values = await sql<{ value: number }>(
      `select r.value from observation_revision r join observation o on o.id = r.observation_id join region g on g.id = o.region_id
        join indicator i on i.id = o.indicator_id where g.code = '880101001' and o.period = '2025-Q4' and i.code = 'CADRE_TRUST' order by r.revision`,
    );
    expect(values.map((row) => row.value).slice(-1)).toEqual([71]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
