import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('harmony releases in Chromium: a correction after publication', () => {
  let server: TestServer;
  let browser: Browser;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
  });
  afterAll(() => stopConsole({ server, browser }));

  it('the public keeps the published figure until the county publishes the revision, then sees it with its note, on desktop and at 375 px', async () => {
    const [township] = await sql<{ id: string }>(`select id from region where code = '880101001'`);
    const [county] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    const townshipPage = `${server.url}/?region=${township.id}&period=2026-Q2`;
    const summaryIndex = async (page: Page) => {
      await page.goto(townshipPage);
      const index = page.getByTestId('region-summary').locator('.summary-index');
      await index.waitFor();
      return (await index.textContent())?.trim();
    };

    const visitor = await openPage(browser);
    const published = await summaryIndex(visitor.page);
    expect(await visitor.page.getByTestId('revision-note').count()).toBe(0);

    // The trust survey of 2026-Q2 is corrected after publication.
    await (
      await server.as('orgIn')
    ).ok('mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { revision } }', {
      input: { regionId: township.id, period: '2026-Q2', indicatorCode: 'CADRE_TRUST', value: 5 },
    });

    const staff = await openPage(browser);
    await signIn(staff.page, server.url, 'county@massline.demo');
    const working = await summaryIndex(staff.page);
    expect(working).not.toBe(published);
    await staff.page.getByTestId('pending-revision-detail').waitFor();
    expect(await staff.page.getByTestId('pending-revision-detail').textContent()).toContain(`Published ${published}`);

    // Not public yet.
    expect(await summaryIndex(visitor.page)).toBe(published);
    expect(await visitor.page.getByTestId('pending-revision').count()).toBe(0);

    // The county's dashboard lists the township as pending, and asks for a note before publishing the revision.
    await staff.page.goto(`${server.url}/?region=${county.id}&period=2026-Q2`);
    await staff.page
      .getByTestId('assessment-row')
      .filter({ has: staff.page.getByTestId('pending-revision') })
      .first()
      .waitFor();
    const publish = staff.page.getByTestId('publish-assessments');
    expect(await publish.isDisabled()).toBe(true);
    await staff.page.getByTestId('revision-note-input').fill('Trust survey re-keyed from the paper forms');
    await publish.click();
    await staff.page.getByTestId('publish-assessments-confirm').click();
    await staff.page.getByText(/\d+ assessments? published\./).waitFor();

    expect(await summaryIndex(visitor.page)).toBe(working);
    const note = visitor.page.getByTestId('revision-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Revised on .+: Trust survey re-keyed from the paper forms/);
    expect(await note.textContent()).toContain(`Previously published: ${published}`);

    // On a phone the note is there, whole, under the figure.
    await visitor.page.setViewportSize({ width: 375, height: 740 });
    await visitor.page.reload();
    await note.waitFor();
    const box = await note.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);

    expect(visitor.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await visitor.page.context().close();
    await staff.page.context().close();
  });
});
