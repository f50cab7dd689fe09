import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, startConsole, stopConsole, clickNav, openPage, signIn } from '../support/browser';
import { uuidOf } from '../support/global-id';
import type { TestServer } from '../support/test-server';

const DEFAULT_CODES = ['GINI', 'PETITIONS', 'MASS_INCIDENTS', 'HOT_ISSUES', 'PARTY_APPLICATIONS', 'CADRE_TRUST', 'PAPER_SUBSCRIPTIONS'];

describe.skipIf(!chromiumAvailable)('indicator catalogue and recomputation in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  /** A page in English, with every console error and the body of every GraphQL request kept. */
  it('an anonymous visitor sees the seven built-in indicators, translated, and no form to add one', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await clickNav(page, 'nav-indicators');
    await page.getByTestId('indicators-page').waitFor();
    await page.getByTestId('indicator-row').first().waitFor();
    expect(page.url()).toBe(`${server.url}/harmony/indicators`);
    expect(await page.getByTestId('indicator-row').count()).toBe(7);
    const codes = await page
      .getByTestId('indicator-row')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim()));
    expect([...codes].sort()).toEqual([...DEFAULT_CODES].sort());
    expect(await page.getByTestId('indicator-built-in').count()).toBe(7);
    // Accessible table: a caption and column headers.
    expect(await page.locator('table.data-table caption').textContent()).toBe('Indicator catalogue');
    expect(await page.locator('table.data-table th[scope="col"]').allTextContents()).toContain('From a raw count');
    const gini = page.getByTestId('indicator-row').filter({ hasText: 'GINI' });
    expect(await gini.textContent()).toMatch(/Gini coefficient of household income/);
    expect(await gini.textContent()).toMatch(/lower/);
    expect(await gini.textContent()).toMatch(/Value only/);
    expect(await gini.textContent()).toMatch(/0\.2 – 0\.6/);
    expect(await page.getByTestId('indicator-create-open').count()).toBe(0);
    expect(await page.getByTestId('indicator-form').count()).toBe(0);

    // In Chinese, the names and vocabulary follow.
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: '指标目录' }).waitFor();
    expect(await gini.count()).toBe(1);
    expect(await gini.textContent()).toMatch(/基尼系数/);
    expect(await gini.textContent()).toMatch(/越低越好/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the root organization is refused here first (nothing sent), then by the server, then adds an indicator that the list shows', async () => {
    const { page, errors, operations } = await openPage(browser);
    const sentCreations = () => operations.filter((body) => body.includes('mutation CreateIndicator')).length;
    await signIn(page, server.url, 'province@massline.demo');
    await clickNav(page, 'nav-indicators');
    await page.getByTestId('indicator-row').first().waitFor();
    await page.getByTestId('indicator-create-open').click();
    const form = page.getByTestId('indicator-form');
    await form.waitFor();

    await page.getByTestId('indicator-code').fill('grain output');
    await page.getByTestId('indicator-nameEn').fill('Grain output per resident');
    await page.getByTestId('indicator-nameZh').fill('人均粮食产量');
    await page.getByTestId('indicator-unitEn').fill('kg');
    await page.getByTestId('indicator-unitZh').fill('千克');
    await page.getByTestId('indicator-direction').selectOption('HIGHER_IS_BETTER');
    await page.getByTestId('indicator-rateBasis').selectOption('NONE');
    await page.getByTestId('indicator-goalpostLower').fill('800');
    await page.getByTestId('indicator-goalpostUpper').fill('200');
    await page.getByTestId('indicator-redLine').fill('abc');
    await page.getByTestId('indicator-submit').click();

    // Refused here, each message next to its field, and nothing sent.
    await form.locator('.field-error').first().waitFor();
    const fieldErrors = await form.locator('.field-error').allTextContents();
    expect(fieldErrors).toEqual(
      expect.arrayContaining([
        'Upper case letters, digits and _, starting with a letter',
        'The upper goalpost must be above the lower one',
        'A number, or empty for no red line',
      ]),
    );
    expect(await page.getByTestId('indicator-goalpostUpper').getAttribute('aria-invalid')).toBe('true');
    const describedBy = await page.getByTestId('indicator-goalpostUpper').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy?.split(' ').at(-1)}"]`).textContent()).toBe(
      'The upper goalpost must be above the lower one',
    );
    expect(sentCreations()).toBe(0);

    // Right for this form, but the code is taken: the server's coded refusal, in the reader's language.
    await page.getByTestId('indicator-code').fill('GINI');
    await page.getByTestId('indicator-goalpostLower').fill('200');
    await page.getByTestId('indicator-goalpostUpper').fill('800');
    await page.getByTestId('indicator-redLine').fill('300');
    expect(await form.locator('.field-error').count()).toBe(0);
    await page.getByTestId('indicator-submit').click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toBe('This indicator code is already used.');
    expect(await page.getByTestId('indicator-code').getAttribute('aria-invalid')).toBe('true');
    expect(sentCreations()).toBe(1);

    await page.getByTestId('indicator-code').fill('GRAIN_OUTPUT');
    await page.getByTestId('indicator-submit').click();
    await page.locator('.alert-success').waitFor();
    expect(await page.locator('.alert-success').textContent()).toMatch(/GRAIN_OUTPUT \(Grain output per resident\) added to the catalogue/);
    expect(await form.count()).toBe(0);
    expect(sentCreations()).toBe(2);

    // The list is refreshed: the new indicator last, marked as added.
    await page.getByTestId('indicator-row').nth(7).waitFor();
    expect(await page.getByTestId('indicator-row').count()).toBe(8);
    const added = page.getByTestId('indicator-row').last();
    expect((await added.locator('td').first().textContent())?.trim()).toBe('GRAIN_OUTPUT');
    expect(await added.textContent()).toMatch(/Grain output per resident/);
    expect(await added.textContent()).toMatch(/200 – 800/);
    expect(await added.getByTestId('indicator-added').count()).toBe(1);
    expect(await page.getByTestId('indicator-row').filter({ hasText: 'GRAIN_OUTPUT' }).count()).toBe(1);

    const [stored] = await sql<{ name_zh: string; goalpost_lower: number; goalpost_upper: number; red_line: number; built_in: boolean }>(
      `select name_zh, goalpost_lower, goalpost_upper, red_line, built_in from indicator where code = 'GRAIN_OUTPUT'`,
    );
    expect(stored).toEqual({ name_zh: '人均粮食产量', goalpost_lower: 200, goalpost_upper: 800, red_line: 300, built_in: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the root organization recomputes the active version from the methodology page, confirming first and waiting with a busy state', async () => {
    const { page, errors, operations } = await openPage(browser);
    await signIn(page, server.url, 'province@massline.demo');
    // The recompute request is held until the busy state has been checked, then let through.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('mutation RecomputeAssessments')) await released;
      await route.continue();
    });
    await clickNav(page, 'nav-methodology');
    const activeRow = page.getByTestId('methodology-row').filter({ has: page.getByTestId('methodology-active') });
    await activeRow.waitFor();
    const version = Number((await activeRow.locator('td').first().textContent())?.trim().replace(/^v/, ''));
    const [{ id: versionId }] = await sql<{ id: string }>(`select id from methodology_version where version = ?`, [version]);

    await activeRow.getByTestId('methodology-recompute').click();
    await activeRow.getByRole('group').waitFor();
    expect(await activeRow.getByRole('group').getAttribute('aria-label')).toMatch(
      new RegExp(`every observed period under version ${version}\\?`),
    );
    expect(operations.filter((body) => body.includes('mutation RecomputeAssessments'))).toHaveLength(0);
    await activeRow.getByTestId('methodology-recompute-confirm').click();

    const busyButton = activeRow.getByTestId('methodology-recompute-confirm');
    await page.getByText(`Recomputing the assessments under version ${version}…`).waitFor();
    expect((await busyButton.textContent())?.trim()).toBe('Recomputing…');
    expect(await busyButton.isDisabled()).toBe(true);
    release();

    const notice = page.locator('.alert-success');
    await notice.waitFor();
    const match = /^([\d,]+) assessments? recomputed under version (\d+)\.$/.exec((await notice.textContent())?.trim() ?? '');
    expect(match, (await notice.textContent()) ?? '').not.toBeNull();
    expect(Number(match![2])).toBe(version);
    const count = Number(match![1].replaceAll(',', ''));
    const [{ stored }] = await sql<{ stored: string }>(`select count(*) as stored from assessment where methodology_version_id = ?`, [
      versionId,
    ]);
    expect(count).toBe(Number(stored));
    expect(count).toBeGreaterThan(0);
    const sent = operations.filter((body) => body.includes('mutation RecomputeAssessments'));
    expect(sent).toHaveLength(1);
    // The console sends the version's id as the API gave it (a global id): it names the version in the database.
    const variables = JSON.parse(sent[0]).variables as { methodologyVersionId: string; period: null };
    expect({ ...variables, methodologyVersionId: uuidOf(variables.methodologyVersionId) }).toEqual({
      methodologyVersionId: versionId,
      period: null,
    });
    expect(await page.getByText(`Recomputing the assessments under version ${version}…`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an organization below the root sees the catalogue and the methodology but can neither add an indicator nor recompute', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-indicators');
    await page.getByTestId('indicator-row').first().waitFor();
    expect(await page.getByTestId('indicator-row').count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('indicator-create-open').count()).toBe(0);
    expect(await page.getByTestId('indicator-form').count()).toBe(0);

    await clickNav(page, 'nav-methodology');
    await page.getByTestId('methodology-row').first().waitFor();
    expect(await page.getByTestId('methodology-recompute').count()).toBe(0);
    expect(await page.getByTestId('methodology-activate-version').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
