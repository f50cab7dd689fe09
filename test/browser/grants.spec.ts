import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, poll, clickNav, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { dayFrom, GrantsFixtures } from '../support/grants-fixtures';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)('power grants, notices and objections, the ledger, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let fixtures: GrantsFixtures;
  let dongshanId: string;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    const org = await server.as('orgIn');
    fixtures = new GrantsFixtures(org);
    dongshanId = await org.regionId('880101');
  });
  afterAll(() => stopConsole({ server, browser }));

  it('an organization walks an appointment through every step; a too-short notice is refused with the reason before sending', async () => {
    const grantId = await fixtures.grant(dongshanId);
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'county@massline.demo');
    await clickNav(page, 'nav-grants');
    await page.getByTestId('grant-row').first().waitFor();
    await page.goto(`${server.url}/grants/${grantId}`);

    const record = async (date: string, facts: Record<string, string>) => {
      const before = await page.getByTestId('grant-step').count();
      await page.getByTestId('grant-step-date').fill(date);
      for (const [name, value] of Object.entries(facts)) {
        const field = page.getByTestId(`grant-fact-${name}`);
        if (name === 'outcome') await field.selectOption(value);
        else await field.fill(value);
      }
      await page.getByTestId('grant-step-submit').click();
      await poll(() => page.getByTestId('grant-step').count()).toBe(before + 1);
    };
    await record(dayFrom(-500), { summary: 'The county committee moves to appoint a deputy head' });
    await record(dayFrom(-497), { entitled: '120', participants: '97', posts: '1', candidates: '张伟 61\n刘洋 30' });
    await record(dayFrom(-493), { interviews: '42', findings: 'Sound conduct' });
    await record(dayFrom(-490), { members: '11', present: '9', votesFor: '8', votesAgainst: '1', abstentions: '0' });

    // Two days of notice: the form names the rule and sends nothing.
    await page.getByTestId('grant-step-date').fill(dayFrom(-489));
    await page.getByTestId('grant-fact-end').fill(dayFrom(-487));
    await poll(() => page.getByTestId('grant-step-rule').textContent()).toMatch(/a notice lasts at least 5/);
    expect(await page.getByTestId('grant-step-submit').isDisabled()).toBe(true);
    await record(dayFrom(-489), { end: dayFrom(-475) });
    await record(dayFrom(-474), {});
    await record(dayFrom(-100), { outcome: 'CONFIRMED' });

    await poll(() => page.getByTestId('grant-status').textContent()).toBe('In effect');
    // Every step's rules shown met, each with its ledger entry; participation in substance.
    await poll(() => page.getByTestId('grant-step-check').allTextContents()).toEqual(Array(7).fill('✓ Every rule of this step is met'));
    expect(await page.getByTestId('grant-timeline').getByTestId('ledger-entry').count()).toBe(7);
    expect(await page.getByTestId('grant-participation').textContent()).toContain('97 of 120 entitled took part');
    expect(await page.getByTestId('grant-step-form').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('at 375 px in 中文: a citizen finds the open notice of their region, objects, and sees the answer', async () => {
    const grantId = await fixtures.inNotice(dongshanId);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, server.url, 'citizen@massline.demo');
    await page.goto(`${server.url}/notices`);
    await page.locator(`[data-testid="notice-link"][href="/grants/${grantId}"]`).click();
    await page.getByTestId('objection-text').fill('他没有参加村里的听证会');
    await page.getByTestId('objection-evidence').fill('三月会议记录');
    await page.getByTestId('objection-submit').click();
    await page.getByText('您的异议已提交，答复将显示在此处。').waitFor();
    await poll(() => page.getByTestId('objection-answer').textContent()).toBe('尚未答复');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The organization answers on the grant's page.
    const { page: orgPage } = await openPage(browser);
    await signIn(orgPage, server.url, 'county@massline.demo');
    await orgPage.goto(`${server.url}/grants/${grantId}`);
    await orgPage.getByTestId('objection-answer-reasons').fill('He attended 9 of 10 hearings (minutes attached)');
    await orgPage.getByTestId('objection-answer-submit').click();
    await poll(() => orgPage.getByTestId('objection-answer').textContent()).toContain('Not upheld');

    await page.reload();
    await poll(() => page.getByTestId('objection-answer').textContent()).toBe('异议不成立 He attended 9 of 10 hearings (minutes attached)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an auditor verifies the ledger and checks an inclusion proof in the browser', async () => {
    const grantId = await fixtures.inNotice(dongshanId);
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, 'auditor@massline.demo');
    await clickNav(page, 'nav-ledger');
    const size = Number(await page.getByTestId('ledger-size').textContent());
    expect(size).toBeGreaterThan(0);
    await page.getByTestId('ledger-check-run').click();
    await poll(() => page.getByTestId('ledger-result').textContent()).toBe(`The ledger is sound: ${size} entries checked.`);
    expect(await page.getByTestId('ledger-progress').getAttribute('value')).toBe(String(size));

    // From the grant's page, its record's proof: the leaf up to the signed root, the head's Ed25519 signature.
    await page.goto(`${server.url}/grants/${grantId}`);
    await page.getByTestId('ledger-proof-link').first().click();
    await page.getByTestId('ledger-proof-run').click();
    await poll(() => page.getByTestId('ledger-proof-result').textContent()).toMatch(
      /^Entry \d+ is in the tree of \d+ entries, under a valid signature\.$/,
    );
    expect(errors).toEqual([]);
  });
});
