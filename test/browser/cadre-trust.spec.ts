import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId } from '../support/global-id';
import type { TestServer } from '../support/test-server';

/**
 * Issue 10 in Chromium: a published campaign feeds CADRE_TRUST, and the harmony console names the campaign
 * as the observation's source — in the reader's language, linked to its results; a citizen's "My
 * participation" lists the campaigns they took part in, or all of their region's.
 */
const TITLE = 'Dongshan trust, browser';
const TITLE_ZH = '东山县干部信任度（浏览器）';

describe.skipIf(!chromiumAvailable)('CADRE_TRUST from campaigns and My participation in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let county: ApiClient;
  let voters: FixtureCitizen[];
  let campaignId = '';

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    county = await server.as('orgIn');
    const [term] = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 1, prefix: 'Browser trust' });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 5, prefix: 'browser-trust' });
    const [county880101] = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from region where code = '880101'`);
    const { createCampaign } = await county.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
      'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }',
      {
        input: {
          regionId: globalId('Region', county880101.id),
          title: TITLE,
          titleZh: TITLE_ZH,
          period: '2026-Q2',
          opensAt: new Date(Date.now() - 3_600_000).toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          termIds: [globalId('Term', term)],
          publicationThreshold: 5,
        },
      },
    );
    campaignId = createCampaign.id;
    await county.ok('mutation ($id: ID!) { openCampaign(id: $id) { id } }', { id: campaignId });
    for (const voter of voters) {
      await voter.client().ok('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', {
        input: { campaignId, termId: globalId('Term', term), answers: answersOf(createCampaign.criteria, 'SATISFIED') },
      });
    }
    await county.ok('mutation ($id: ID!) { closeCampaign(id: $id) { id } }', { id: campaignId });
    await county.ok('mutation ($id: ID!) { publishCampaign(id: $id) { id } }', { id: campaignId });
  });
  afterAll(() => stopConsole({ server, browser }));

  for (const [locale, title, label] of [
    ['en-US', TITLE, 'Evaluation campaigns:'],
    ['zh-CN', TITLE_ZH, '群众评议：'],
  ] as const) {
    it(`the observation names the campaign, linked to its results (${locale})`, async () => {
      const page = await (await browser.newContext({ locale })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, server.url, 'county@massline.demo');
      await clickNav(page, 'nav-observations');
      await page.getByTestId('observation-filter-period').fill('2026-Q2');
      await page.getByTestId('observation-filter-indicator').selectOption('CADRE_TRUST');
      const source = page.getByTestId('observation-source-campaigns');
      await poll(() => source.count()).toBe(1);
      expect(await source.textContent()).toContain(label);
      await source.getByRole('link', { name: title }).click();
      await page.waitForURL(`**/campaigns/${campaignId}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('My participation lists the campaigns the citizen took part in, or all of the region’s', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, voters[0].email);
    await page.goto(`${server.url}/my-participation`);
    const rows = page.getByTestId('participation-row');
    await poll(() => rows.filter({ hasText: TITLE }).count()).toBe(1);
    await poll(() => rows.count()).toBe(1);
    await page.getByTestId('participation-all').check();
    await poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.filter({ hasText: TITLE }).getByTestId('participation-mark').getAttribute('data-took-part')).toBe('true');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
