import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { chromiumAvailable, poll, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { globalId } from '../support/global-id';
import type { TestServer } from '../support/test-server';
import { campaignWithBallots } from '../support/verdict-settings-fixtures';

const VERDICT = 'query ($t: ID!) { verdict(termId: $t) { score low high grade uncertain } }';

/**
 * Issue 10's "an organization publishes and sees the verdict": the county closes and publishes a
 * campaign in the console, then opens the term's verdict — score with its interval, grade, and the
 * debt-financed flag explained with its figures and threshold — on a desktop, and at 375 px in 中文.
 * Each term: 15 "satisfied" (100) and 15 "basically satisfied" (75) ballots, mass satisfaction 87.5; an
 * audit with debt doubled (+100 %, past the 50 % threshold; audit score 100 − 40 = 60); no inspection,
 * so the weights 0.5 and 0.2 scale to 5/7 and 2/7: 87.5 × 5/7 + 60 × 2/7 = 79.64…, competent.
 */
describe.skipIf(!chromiumAvailable)('an organization publishes and sees the verdict, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let county: ApiClient;
  const steps = [...Array<string>(15).fill('SATISFIED'), ...Array<string>(15).fill('BASICALLY_SATISFIED')];

  /** A campaign of the county with k ballots for a fresh term, and the term's special audit (debt doubled). */
  const termToJudge = async (prefix: string) => {
    const made = await campaignWithBallots(server, { regionCode: '880101', voterRegionCode: '880101001', steps, prefix });
    await county.ok('mutation ($input: RecordSpecialAuditInput!) { recordSpecialAudit(input: $input) { id } }', {
      input: {
        termId: globalId('Term', made.termId),
        debtAtStart: 1000,
        debtAtEnd: 2000,
        irregularFunds: 0,
        showcaseSpending: 0,
        totalSpending: 10000,
        findings: 0,
        auditBody: 'County Audit Bureau',
        auditedOn: new Date().toISOString().slice(0, 10),
      },
    });
    return made;
  };

  /** Closes and publishes the campaign through its page's buttons, as the organization does. */
  const closeAndPublish = async (page: Page, campaignId: string) => {
    await page.goto(`${server.url}/campaigns/${encodeURIComponent(globalId('Campaign', campaignId))}`);
    await page.getByTestId('campaign-close').click();
    await page.getByTestId('campaign-close-confirm').click();
    await poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('CLOSED');
    await page.getByTestId('campaign-publish').click();
    await page.getByTestId('campaign-publish-confirm').click();
    await poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('PUBLISHED');
  };

  /** The verdict as the API gives it, for the interval the page must show. */
  const verdictOf = async (termId: string) =>
    (
      await county.ok<{ verdict: { score: number; low: number; high: number; grade: string; uncertain: boolean } }>(VERDICT, {
        t: globalId('Term', termId),
      })
    ).verdict;
  const oneDecimal = (value: number) => value.toFixed(1);

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    county = await server.as('orgIn');
  });
  afterAll(() => stopConsole({ server, browser }));

  it('on a desktop: publishes, then reads the score with its interval, the grade and the debt-financed flag with figures and threshold', async () => {
    const { campaignId, termId } = await termToJudge('Publish desktop');
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await closeAndPublish(page, campaignId);

    await page.goto(`${server.url}/appraisal?term=${encodeURIComponent(globalId('Term', termId))}`);
    const card = page.getByTestId('verdict-card');
    await card.waitFor();
    const verdict = await verdictOf(termId);
    expect(oneDecimal(verdict.score)).toBe('79.6');
    expect([verdict.grade, verdict.uncertain]).toEqual(['COMPETENT', false]);
    expect(await card.getByTestId('verdict-score').textContent()).toBe(
      `Score 79.6 (95 % interval ${oneDecimal(verdict.low)}–${oneDecimal(verdict.high)})`,
    );
    expect(verdict.low).toBeLessThan(verdict.score);
    expect(verdict.high).toBeGreaterThan(verdict.score);
    const grade = card.getByTestId('cadre-grade');
    expect([await grade.getAttribute('data-grade'), await grade.getAttribute('data-uncertain'), await grade.textContent()]).toEqual([
      'COMPETENT',
      'false',
      'Competent',
    ]);
    const flag = card.getByTestId('verdict-flags').locator('[data-flag="DEBT_FINANCED"]');
    expect(await flag.textContent()).toContain(
      'Debt-financed Debt grew from 1,000 to 2,000 (×10,000 yuan), 100% over the term; the threshold is 50%: achievements become debts.',
    );
    expect(await card.getByTestId('verdict-flags').locator('li').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 375 px in 中文: publishes, then reads the same verdict in Chinese, within the phone’s width', async () => {
    const { campaignId, termId } = await termToJudge('Publish phone');
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, server.url, 'county@massline.demo');
    await closeAndPublish(page, campaignId);

    await page.goto(`${server.url}/appraisal?term=${encodeURIComponent(globalId('Term', termId))}`);
    const card = page.getByTestId('verdict-card');
    await card.waitFor();
    const verdict = await verdictOf(termId);
    expect(await card.getByTestId('verdict-score').textContent()).toBe(
      `得分 79.6（95% 区间 ${oneDecimal(verdict.low)}–${oneDecimal(verdict.high)}）`,
    );
    expect(await card.getByTestId('cadre-grade').textContent()).toBe('称职');
    const flag = card.getByTestId('verdict-flags').locator('[data-flag="DEBT_FINANCED"]');
    expect(await flag.textContent()).toContain('举债政绩');
    expect(await flag.textContent()).toContain('债务从 1,000 增至 2,000（万元），任期内增长 100%，阈值为 50%：政绩变成了债务。');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });
});
