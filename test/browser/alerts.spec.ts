import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, poll, startConsole, stopConsole, openPage, signIn } from '../support/browser';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('alerts worked through in Chromium: runs, bulk acknowledge, undo, names with their parent', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
  const statuses = async (ids: readonly string[]) =>
    (
      await sql<{ status: string }>(`select status from alert where id = any(string_to_array(?, ',')::uuid[]) order by id`, [ids.join(',')])
    ).map((row) => row.status);
  /** Waits for at least `count` rows of the list, which the console asked the API for. */
  const waitForRows = async (page: Page, operations: string[], count: number) => {
    await page
      .getByTestId('alert-row')
      .nth(count - 1)
      .waitFor();
    expect(operations.some((body) => body.includes('query Alerts'))).toBe(true);
  };

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  it('on a desktop: one row per run, select all, acknowledge with one note, confirmed with the count, undone', async () => {
    const { page, errors, operations } = await openPage(browser);
    await signIn(page, server.url, 'province@massline.demo');
    await page.goto(`${server.url}/harmony/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    await waitForRows(page, operations, 1);
    // A lasting breach is one row that says for how long, with its values per period.
    const runs = await page.getByTestId('alert-run').allTextContents();
    expect(runs.some((text) => /for \d+ periods, \d{4}-Q\d – \d{4}-Q\d/.test(text))).toBe(true);
    expect((await page.getByTestId('alert-trend').first().textContent())?.length).toBeGreaterThan(0);

    // Pickers name a repeated township with its county.
    await page.getByTestId('alert-filter-region').fill('Chengguan');
    const options = page.getByTestId('alert-filter-region-option');
    await poll(() => options.count()).toBeGreaterThan(1);
    const labels = await options.allTextContents();
    expect(labels.every((label) => /Chengguan Town \(.+ County\)/.test(label))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    await page.getByTestId('alert-filter-region').fill('');
    await page.getByTestId('alert-filter-region').blur();

    const open = await sql<{ id: string }>(`select id from alert where status = 'OPEN'`);
    await page.getByTestId('alerts-select-all').check();
    const selected = await page.getByTestId('alert-select').count();
    expect(await page.getByTestId('alerts-selected-count').textContent()).toContain(`${selected} selected`);
    await page.getByTestId('alerts-bulk-note').fill('Reviewed at the quarterly meeting');
    await page.getByTestId('alerts-acknowledge-selected').click();
    await poll(() => page.getByTestId('alerts-done').textContent()).toContain(`${selected} alerts acknowledged.`);
    const acknowledged = await sql<{ id: string; acknowledgement_note: string }>(
      `select id, acknowledgement_note from alert where status = 'ACKNOWLEDGED'`,
    );
    expect(acknowledged).toHaveLength(selected);
    expect(new Set(acknowledged.map((row) => row.acknowledgement_note))).toEqual(new Set(['Reviewed at the quarterly meeting']));
    const ids = acknowledged.map((row) => row.id);

    await page.getByTestId('alerts-undo').click();
    await poll(() => page.getByTestId('alerts-done').textContent()).toContain(`${selected} alerts are open again`);
    expect(new Set(await statuses(ids))).toEqual(new Set(['OPEN']));
    expect((await sql<{ id: string }>(`select id from alert where status = 'OPEN'`)).length).toBe(open.length);
    // The rows are back in the open list, selectable again.
    await poll(() => page.getByTestId('alert-select').count()).toBe(selected);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on a 375 px phone: select two, acknowledge, undo; a refusal is shown, nothing is clipped', async () => {
    const { page, errors, operations } = await openPage(browser);
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, server.url, 'county@massline.demo');
    await page.goto(`${server.url}/harmony/alerts`);
    await waitForRows(page, operations, 2);
    const boxes = page.getByTestId('alert-select');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    expect(await page.getByTestId('alerts-selected-count').textContent()).toContain('2 selected');
    const acknowledgeButton = page.getByTestId('alerts-acknowledge-selected');
    expect(await acknowledgeButton.textContent()).toContain('(2)');
    const box = await acknowledgeButton.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);

    // Resolving needs the note: refused in place, nothing sent.
    await page.getByTestId('alerts-resolve-selected').click();
    expect(await page.locator('.bulk-note .field-error').textContent()).toBe('Say how it was resolved');

    await acknowledgeButton.click();
    await poll(() => page.getByTestId('alerts-done').textContent()).toContain('2 alerts acknowledged.');
    const mine = await sql<{ id: string }>(
      `select id from alert where status = 'ACKNOWLEDGED' and acknowledged_by = 'county@massline.demo'`,
    );
    expect(mine).toHaveLength(2);
    await page.getByTestId('alerts-undo').click();
    await poll(() => page.getByTestId('alerts-done').textContent()).toContain('2 alerts are open again');
    expect(await statuses(mine.map((row) => row.id))).toEqual(['OPEN', 'OPEN']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
