import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { evaluation } from '@massline/shared';
import type { ApiClient } from '../support/api-client';
import { chromiumAvailable, poll, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { DEMO_PASSWORD, type TestServer } from '../support/test-server';

/**
 * Mass evaluation in Chromium, from end to end: the county's organization drafts a campaign of a township in
 * the editor (the default criteria, three cadres, k = 5) and opens it; a citizen evaluates a cadre on a 375 px phone,
 * keeps and copies the receipt, and checks it (so does a visitor who is not signed in); a second ballot for
 * one cadre is refused in words, in English and in Chinese; the organization closes and publishes and
 * reads the results — a score with its interval from k ballots, "not published" below.
 */

const PHONE = { width: 375, height: 740 };
const CADRES = ['周建国', '吴晓梅', '郑立新'];
const TOWNSHIP = '880101001';
const TITLE = 'Dongshan County cadres, browser walk';

describe.skipIf(!chromiumAvailable)('mass evaluation in the console: campaign, ballot at 375 px, receipt, refusals, results', () => {
  let server: TestServer;
  let browser: Browser;
  let county: ApiClient;
  let campaignId = '';
  /** The campaign's terms in ballot order (the order the editor picked them). */
  let termIds: string[] = [];
  let receipt = '';

  const ballotFor = (termId: string, step = 'SATISFIED') => ({
    campaignId,
    termId,
    answers: evaluation.DEFAULT_CRITERIA.map((criterion) => ({ criterion: criterion.code, step })),
    comment: null,
  });
  const castBallot = (client: ApiClient, termId: string, step?: string) =>
    client.request<{ castBallot: { code: string } }>('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', {
      input: ballotFor(termId, step),
    });

  /** Every criterion of the ballot on screen answered with its first step (the best), by tapping. */
  async function answerEverything(page: Page): Promise<void> {
    const criteria = page.getByTestId('ballot-criterion');
    await criteria.first().waitFor();
    for (let index = 0; index < (await criteria.count()); index++) {
      await criteria.nth(index).getByTestId('ballot-step').first().click();
    }
  }

  async function citizenContext(locale: 'en-US' | 'zh-CN', viewport = PHONE): Promise<{ context: BrowserContext; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport });
    const errors: string[] = [];
    context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
    return { context, errors };
  }

  async function signInAs(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-account').waitFor();
  }

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    county = await server.as('orgIn');
    // Three cadres holding posts of the citizen's township today (the cadres module's API, as its console would).
    const { me } = await county.ok<{ me: { user: { organization: { id: string } } } }>('{ me { user { organization { id } } } }');
    const { regions } = await county.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      'query ($search: String) { regions(first: 1, filter: { search: $search }) { edges { node { id } } } }',
      { search: TOWNSHIP },
    );
    const township = regions.edges[0].node.id;
    const today = new Date();
    const year = today.getUTCFullYear();
    for (const [index, name] of CADRES.entries()) {
      const { createCadre } = await county.ok<{ createCadre: { id: string } }>(
        'mutation ($input: CreateCadreInput!) { createCadre(input: $input) { id } }',
        { input: { name, regionId: township } },
      );
      const { createPost } = await county.ok<{ createPost: { id: string } }>(
        'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
        {
          input: {
            title: `Deputy township head ${index + 1}`,
            titleZh: `副镇长（${index + 1}）`,
            organizationId: me.user.organization.id,
            regionId: township,
            level: 'TOWNSHIP',
          },
        },
      );
      await county.ok('mutation ($input: CreateTermInput!) { createTerm(input: $input) { id } }', {
        input: { cadreId: createCadre.id, postId: createPost.id, startsOn: `${year - 1}-01-01`, endsOn: `${year + 2}-12-31` },
      });
    }
  });
  afterAll(() => stopConsole({ server, browser }));

  it('an organization drafts a campaign with the editor (default criteria, three cadres, k = 5) and opens it', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await page.goto(`${server.url}/campaigns`);
    await page.getByTestId('campaign-create-open').click();
    await page.getByTestId('campaign-form').waitFor();

    // Nothing filled: refused at each field before anything is sent, in words.
    await page.getByTestId('campaign-save').click();
    await poll(() => page.getByTestId('field-error').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('field-error').allTextContents()).toContain('Required.');

    // The county's own region is the default; the campaign is the township's (its residents vote).
    await page.getByTestId('campaign-region').fill(TOWNSHIP);
    await page.getByTestId('campaign-region-option').first().click();
    await page.getByTestId('campaign-title-en').fill(TITLE);
    await page.getByTestId('campaign-title-zh').fill('东山县干部群众评议（浏览器测试）');
    await page.getByTestId('campaign-period').fill(String(new Date().getFullYear()));
    await page.getByTestId('campaign-threshold').fill('5');
    const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByTestId('campaign-opens-at').fill(local(new Date()));
    await page.getByTestId('campaign-closes-at').fill(local(new Date(Date.now() + 7 * 86_400_000)));
    // The default livelihood criteria, both languages, are there to start from.
    expect(await page.getByTestId('criterion-row').count()).toBe(evaluation.DEFAULT_CRITERIA.length);
    expect(await page.getByTestId('criterion-zh').first().inputValue()).toBe(evaluation.DEFAULT_CRITERIA[0].names.zhCN);
    for (const name of CADRES) {
      await page.getByTestId('term-picker').locator('label', { hasText: name }).getByTestId('term-option').check();
    }
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-page').waitFor();
    campaignId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    expect(await page.getByTestId('campaign-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await page.getByTestId('campaign-cadres').textContent()).toContain(CADRES[0]);

    // Only OPEN is offered from a draft (the shared transition table); it asks first.
    expect(await page.getByTestId('campaign-close').count()).toBe(0);
    await page.getByTestId('campaign-open').click();
    await page.getByTestId('campaign-open-confirm').click();
    await poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('OPEN');
    // Turnout while open: a count, never a partial result.
    await poll(() => page.getByTestId('campaign-turnout').textContent()).toMatch(
      /^Turnout0 of \d+ eligible residents have voted \(0 ballots\)/,
    );
    expect(await page.getByTestId('campaign-results-link').count()).toBe(0);
    expect(await page.getByTestId('campaign-edit').count()).toBe(0);

    const { campaign } = await county.ok<{ campaign: { terms: { id: string; cadre: { name: string } }[] } }>(
      'query ($id: ID!) { campaign(id: $id) { terms { id cadre { name } } } }',
      { id: campaignId },
    );
    expect(campaign.terms.map((term) => term.cadre.name)).toEqual(CADRES);
    termIds = campaign.terms.map((term) => term.id);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a citizen evaluates a cadre on a 375 px phone with large answers, keeps and copies the receipt, and checks it', async () => {
    const { context, errors } = await citizenContext('en-US');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await signInAs(page, 'citizen@massline.demo');
    await page.goto(`${server.url}/my-campaigns`);
    const card = page.getByTestId('my-campaign').filter({ hasText: TITLE });
    expect(await card.getByTestId('my-campaign-progress').textContent()).toBe('0 of 3 cadres evaluated');
    await card.getByTestId('my-campaign-vote').click();

    expect(await page.getByTestId('ballot-cadre-name').textContent()).toBe(CADRES[0]);
    // Every answer is a target of at least 44 × 44 px, "don't know" included, inside the screen.
    const steps = page.getByTestId('ballot-criterion').first().getByTestId('ballot-step');
    expect(await steps.allTextContents()).toEqual(evaluation.ANSWER_SCALES.PROVINCIAL_FOUR_STEP.steps.map((step) => step.names.en));
    for (const box of await Promise.all((await steps.all()).map((step) => step.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }

    // Sent with a criterion unanswered: said at the criterion, nothing sent.
    await page.getByTestId('ballot-submit').click();
    await poll(() => page.getByTestId('field-error').count()).toBe(evaluation.DEFAULT_CRITERIA.length);
    await answerEverything(page);
    await page.getByTestId('ballot-criterion').last().locator('[data-step="DONT_KNOW"]').click();
    expect(await page.getByTestId('ballot-criterion').last().locator('[aria-checked="true"]').getAttribute('data-step')).toBe('DONT_KNOW');
    await page.getByTestId('ballot-comment').fill('The new clinic opens on time.');
    expect(await page.getByTestId('ballot-comment-counter').textContent()).toContain('29 / 500 characters');
    await page.getByTestId('ballot-submit').click();

    // The receipt, once: the warning, the code in groups, copied whole.
    await page.getByTestId('ballot-receipt').waitFor();
    expect(await page.getByTestId('ballot-receipt-warning').textContent()).toContain('it is not shown again');
    const given = (await page.getByTestId('ballot-receipt-code').getAttribute('data-code')) ?? '';
    receipt = evaluation.normalizeReceiptCode(given) ?? '';
    expect(receipt).toHaveLength(evaluation.RECEIPT_LENGTH);
    expect(await page.getByTestId('ballot-receipt-code').textContent()).toBe(evaluation.formatReceiptCode(receipt));
    await page.getByTestId('ballot-receipt-copy').click();
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(given);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('ballot-receipt-kept').click();
    // On to the next cadre; the receipt is gone from the page for good.
    await poll(() => page.getByTestId('ballot-cadre-name').textContent()).toBe(CADRES[1]);
    expect(await page.getByTestId('ballot-receipt').count()).toBe(0);
    expect(await page.getByTestId('ballot-progress').textContent()).toBe('1 of 3 cadres evaluated');
    expect(await page.locator('body').textContent()).not.toContain(evaluation.formatReceiptCode(receipt));

    // The receipt check takes the code as people type it: lower case, spaces instead of dashes.
    await page.goto(`${server.url}/receipt`);
    await page.getByTestId('receipt-check-code').fill(` ${evaluation.formatReceiptCode(receipt).toLowerCase().replaceAll('-', ' ')} `);
    await page.getByTestId('receipt-check-run').click();
    await poll(() => page.getByTestId('receipt-check-result').getAttribute('data-counted')).toBe('true');
    expect(await page.getByTestId('receipt-check-result').textContent()).toContain('is counted');
    expect(await page.getByTestId('receipt-check-result').textContent()).toContain(TITLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // My participation names the campaign, never the cadre.
    await page.goto(`${server.url}/my-participation`);
    await poll(() => page.getByTestId('participation-row').filter({ hasText: TITLE }).count()).toBe(1);
    const row = page.getByTestId('participation-row').filter({ hasText: TITLE });
    expect(await row.getByTestId('participation-mark').getAttribute('data-took-part')).toBe('true');
    expect(await row.textContent()).not.toContain(CADRES[0]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a visitor who is not signed in checks a receipt: counted, and a code that is not one refused in words', async () => {
    const { context, errors } = await citizenContext('en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/receipt`);
    await page.getByTestId('receipt-check-code').fill(receipt);
    await page.getByTestId('receipt-check-run').click();
    await poll(() => page.getByTestId('receipt-check-result').getAttribute('data-counted')).toBe('true');
    // A well-formed code no ballot has: not counted.
    const unknown = receipt.startsWith('0') ? `1${receipt.slice(1)}` : `0${receipt.slice(1)}`;
    await page.getByTestId('receipt-check-code').fill(unknown);
    await page.getByTestId('receipt-check-run').click();
    await poll(() => page.getByTestId('receipt-check-result').getAttribute('data-counted')).toBe('false');
    expect(await page.getByTestId('receipt-check-result').textContent()).toContain('No counted ballot');
    await page.getByTestId('receipt-check-code').fill('12345');
    await page.getByTestId('receipt-check-run').click();
    await poll(() => page.getByTestId('field-error').textContent()).toContain('A receipt code has 20 letters and digits');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a second ballot for one cadre is refused in words: in English from another tab, in Chinese after a ballot cast elsewhere', async () => {
    // English: two tabs on the same cadre; the second to send is refused and moves on.
    const english = await citizenContext('en-US');
    const first = await english.context.newPage();
    await signInAs(first, 'citizen@massline.demo');
    const second = await english.context.newPage();
    for (const page of [first, second]) {
      await page.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}/vote`);
      await poll(() => page.getByTestId('ballot-cadre-name').textContent()).toBe(CADRES[1]);
      await answerEverything(page);
    }
    await first.getByTestId('ballot-submit').click();
    await first.getByTestId('ballot-receipt').waitFor();
    await second.getByTestId('ballot-submit').click();
    await poll(() => second.getByRole('alert').first().textContent()).toBe('You have already evaluated this cadre in this campaign.');
    await poll(() => second.getByTestId('ballot-cadre-name').textContent()).toBe(CADRES[2]);
    expect(await second.getByTestId('ballot-receipt').count()).toBe(0);
    expect(english.errors).toEqual([]);
    await english.context.close();

    // 中文: the last cadre's ballot is cast elsewhere (the API) while the page is open.
    const chinese = await citizenContext('zh-CN');
    const page = await chinese.context.newPage();
    await signInAs(page, 'citizen@massline.demo');
    await page.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}/vote`);
    await poll(() => page.getByTestId('ballot-cadre-name').textContent()).toBe(CADRES[2]);
    expect(await page.getByTestId('ballot-criterion').first().getByTestId('ballot-step').first().textContent()).toBe('满意');
    await answerEverything(page);
    const elsewhere = await server.as('citizen');
    expect((await castBallot(elsewhere, termIds[2])).errors).toEqual([]);
    await page.getByTestId('ballot-submit').click();
    await poll(() => page.getByRole('alert').first().textContent()).toBe('您已在本次活动中评议过这位干部。');
    await page.getByTestId('ballot-done').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(chinese.errors).toEqual([]);
    await chinese.context.close();
  });

  it('the organization closes and publishes, and reads the results: a score with its interval from k ballots, "not published" below', async () => {
    // Four more verified residents evaluate the first cadre: five ballots, k reached; the others have one each.
    for (let index = 0; index < 4; index++) {
      const email = `evaluation-walk-${index}@massline.test`;
      await server.createUser({ email, role: 'CITIZEN', regionCode: TOWNSHIP, citizenStatus: 'VERIFIED', password: DEMO_PASSWORD });
      const resident = server.client();
      await resident.signIn(email, DEMO_PASSWORD);
      expect((await castBallot(resident, termIds[0], index % 2 === 0 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED')).errors).toEqual([]);
    }

    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await page.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}`);
    await poll(() => page.getByTestId('campaign-turnout').textContent()).toMatch(/5 of \d+ eligible residents have voted \(7 ballots\)/);
    await page.getByTestId('campaign-close').click();
    await page.getByTestId('campaign-close-confirm').click();
    await poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('CLOSED');

    await page.getByTestId('campaign-results-link').click();
    await page.getByTestId('results-page').waitFor();
    const cards = page.getByTestId('result-card');
    await poll(() => cards.count()).toBe(3);
    const first = cards.filter({ hasText: CADRES[0] });
    expect(await first.getAttribute('data-published')).toBe('true');
    expect(await first.getByTestId('result-score').textContent()).toMatch(/^\d+\.\d 95 % interval \d+\.\d–\d+\.\d$/);
    expect(await first.getByTestId('result-ballots').textContent()).toContain('5 ballots');
    const second = cards.filter({ hasText: CADRES[1] });
    expect(await second.getByTestId('result-below-k').textContent()).toBe('Fewer than 5 ballots: not published.');
    expect(await second.getByTestId('result-score').count()).toBe(0);

    // One cadre: a bar per criterion with its interval; the comments (organization, after close).
    await first.getByTestId('result-open').click();
    await page.getByTestId('cadre-result').waitFor();
    await poll(() => page.getByTestId('criterion-bar').count()).toBe(evaluation.DEFAULT_CRITERIA.length);
    expect(await page.getByTestId('criterion-bar').first().textContent()).toContain('95 % interval');
    await poll(() => page.getByTestId('result-comments').textContent()).toContain('The new clinic opens on time.');

    await page.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}`);
    await page.getByTestId('campaign-publish').click();
    await page.getByTestId('campaign-publish-confirm').click();
    await poll(() => page.getByTestId('campaign-status').getAttribute('data-status')).toBe('PUBLISHED');
    // Published is the end of the table: no move is offered any more.
    expect(await page.getByTestId('campaign-actions').locator('button').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();

    // Published: the public reads the results, at 375 px too.
    const visitor = await citizenContext('en-US');
    const publicPage = await visitor.context.newPage();
    await publicPage.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}/results`);
    await poll(() => publicPage.getByTestId('result-card').count()).toBe(3);
    expect(await publicPage.getByTestId('result-score').count()).toBe(1);
    expect(await publicPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
