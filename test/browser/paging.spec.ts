import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

/** Entries in the jurisdiction of the demo auditor. */
const REGION_PATH = '/88/8801/880101/880101001/';

/** Paging a list in the console: forwards with the end of the page, backwards with its start, while the list grows. */
describe.skipIf(!chromiumAvailable)('paging in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  /** Appends audit entries as another client would (the owner's connection), newer than any on screen. */
  const append = (count: number, label: string) =>
    server.ownerOrm.em.getConnection().execute(
      `insert into audit_entry (id, actor_kind, action, subject_type, subject_id, region_path)
       select gen_random_uuid(), 'SYSTEM', 'paging.test', 'Test', ? || n, ? from generate_series(1, ?) n`,
      [label, REGION_PATH, count],
    );
  const rows = (page: Page) => page.getByTestId('audit-row').locator('code.muted').allTextContents();

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    await append(120, 'before-');
  });
  afterAll(() => stopConsole({ server, browser }));

  it('an auditor pages the audit log forward and back; entries appended meanwhile neither repeat nor push rows off', async () => {
    const { page, errors, operations } = await openPage(browser);
    await signIn(page, server.url, 'auditor@massline.demo');
    await clickNav(page, 'nav-audit');
    await page.waitForURL(/\/audit$/);
    await page.getByTestId('audit-row').first().waitFor();
    const pager = page.getByRole('navigation', { name: 'Pages' });
    const previous = pager.getByRole('button', { name: 'Previous' });
    const next = pager.getByRole('button', { name: 'Next' });
    expect(await previous.isDisabled()).toBe(true);
    const first = await rows(page);
    expect(first).toHaveLength(50);

    // Others write while the auditor reads: with offsets, the next page would start 30 rows too early.
    await append(30, 'during-');
    await next.click();
    await expect.poll(async () => (await rows(page))[0]).not.toBe(first[0]);
    const second = await rows(page);
    expect(second).toHaveLength(50);
    expect(second.filter((subject) => first.includes(subject))).toEqual([]);
    expect(second.some((subject) => subject.startsWith('during-'))).toBe(false);
    expect(await pager.textContent()).toContain('51–100');

    // Back: the 50 rows before the second page, which are the first page as it was read.
    await previous.click();
    await expect.poll(() => rows(page)).toEqual(first);
    // Newer entries lie before it now: Previous still leads to them.
    expect(await previous.isDisabled()).toBe(false);
    await previous.click();
    await expect.poll(async () => (await rows(page)).filter((subject) => subject.startsWith('during-')).length).toBe(30);

    const pagedBackwards = operations.filter((body) => /"last":50/.test(body) && /"before":"[A-Za-z0-9_-]+"/.test(body));
    expect(pagedBackwards.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
