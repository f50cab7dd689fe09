import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { answersOf, insertCampaign, insertCitizens } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { GrantsFixtures } from '../support/grants-fixtures';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)(
  "a cadre's page with grants, terms and verdicts, and the review alert an incompetent verdict raises",
  () => {
    let server: TestServer;
    let browser: Browser;
    let cadreId: string;

    beforeAll(async () => {
      ({ server, browser } = await startConsole());
      // A granted term of Dongshan that the masses judge dissatisfied: an incompetent verdict, an alert to the county.
      const county = await server.as('orgIn');
      const dongshanId = await county.regionId('880101');
      const grantId = await new GrantsFixtures(county).inEffect(dongshanId);
      const { grant } = await county.ok<{ grant: { term: { id: string; cadre: { id: string } } } }>(
        'query ($id: ID!) { grant(id: $id) { term { id cadre { id } } } }',
        { id: grantId },
      );
      cadreId = grant.term.cadre.id;
      const campaign = await insertCampaign(server.ownerOrm, { regionCode: '880101', status: 'OPEN', termIds: [uuidOf(grant.term.id)] });
      const voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 30, prefix: 'page-review' });
      await Promise.all(
        voters.map((voter) =>
          voter.client().ok('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', {
            input: {
              campaignId: globalId('Campaign', campaign.id),
              termId: grant.term.id,
              answers: answersOf(campaign.criteria, 'DISSATISFIED'),
            },
          }),
        ),
      );
      await county.ok('mutation ($id: ID!) { closeCampaign(id: $id) { status } }', { id: globalId('Campaign', campaign.id) });
      await county.ok('mutation ($id: ID!) { publishCampaign(id: $id) { status } }', { id: globalId('Campaign', campaign.id) });
    }, 300_000);
    afterAll(() => stopConsole({ server, browser }));

    it('on a desktop: the county finds the review alert, follows it to the cadre page, sees the grant, the term and its verdict, and resolves the alert', async () => {
      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'county@massline.demo');
      await clickNav(page, 'nav-review-alerts');
      const row = page.getByTestId('review-alert-row').first();
      await poll(() => row.textContent()).toContain('Granting body: Dongshan County Committee');
      expect(await row.getByTestId('review-alert-verdict').textContent()).toMatch(/^Incompetent, score/);
      await row.getByTestId('review-alert-cadre').click();
      await page.getByTestId('cadre-grant').waitFor();
      const grant = await page.getByTestId('cadre-grant').textContent();
      expect(grant).toContain('Dongshan County Committee (Party committee)');
      expect(grant).toContain('6 of 6 steps done');
      expect(grant).toContain('97 of 120 entitled took part in the recommendation');
      expect(grant).toContain('42 interviews in inspection');
      expect(await page.getByTestId('term-grant').first().textContent()).toContain('Dongshan County Committee');
      expect(await page.getByTestId('cadre-grade').first().getAttribute('data-grade')).toBe('INCOMPETENT');
      expect(await page.getByTestId('term-verdict-score').first().textContent()).toMatch(/95 % interval/);

      await page.goBack();
      await page.getByTestId('review-alert-resolve-open').first().click();
      await page.getByTestId('review-alert-note').fill('The committee reviewed the appointment');
      await page.getByTestId('review-alert-resolve').click();
      await page.getByText('The review alert was resolved.').waitFor();
      await poll(() => page.getByTestId('review-alert-status').first().textContent()).toContain('Resolved');
      expect(errors).toEqual([]);
    });

    it('at 375 px in 中文: the cadre page words the grant and the verdict in Chinese, within the width; the public sees the grant, not the verdict', async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, server.url, 'county@massline.demo');
      await page.goto(`${server.url}/cadres/${cadreId}`);
      await page.getByTestId('cadre-grant').waitFor();
      const grant = await page.getByTestId('cadre-grant').textContent();
      expect(grant).toContain('党委');
      expect(grant).toContain('应参加民主推荐 120 人，实际参加 97 人');
      expect(await page.getByTestId('cadre-grade').first().textContent()).toContain('不称职');
      expect(await page.getByTestId('term-verdict-score').first().textContent()).toMatch(/95/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await context.close();

      const publicContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
      const reader = await publicContext.newPage();
      reader.on('pageerror', (error) => errors.push(error.message));
      await reader.goto(`${server.url}/cadres/${cadreId}`);
      await reader.getByTestId('cadre-grant').waitFor();
      expect(await reader.getByTestId('term-verdict').count()).toBe(0);
      await publicContext.close();
      expect(errors).toEqual([]);
    });
  },
);
