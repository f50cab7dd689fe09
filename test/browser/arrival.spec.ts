import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, clickNav, offeredNavLinks, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { ACTOR_EMAILS, DEMO_PASSWORD, type Actor, type TestServer } from '../support/test-server';

/** A page (its chunk, its messages, its queries) is given this long to show what is asserted. */
const PAGE_WAIT = { timeout: 10_000 };

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 740 }],
] as const;

/**
 * Arriving: where the public home starts after a partial publication, where each role lands after
 * signing in, and that signing in comes back to the page that asked for it (and never leaves the site).
 */
describe.skipIf(!chromiumAvailable)('arrival in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** The id the API gives the region of a code (whatever shape ids have). */
  const regionId = async (code: string) => {
    const { regions } = await (
      await server.as('anonymous')
    ).ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
      'query ($code: String!) { regions(first: 5, filter: { search: $code }) { edges { node { id code } } } }',
      { code },
    );
    const found = regions.edges.find((edge) => edge.node.code === code);
    if (!found) throw new Error(`no region ${code}`);
    return found.node.id;
  };
  const regionOf = async (actor: Actor) =>
    (await (await server.as(actor)).ok<{ me: { user: { region: { id: string } } } }>('{ me { user { region { id } } } }')).me.user.region
      .id;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    // One township of the demo's unpublished last quarter (2026-Q3) is published; the province is not.
    const township = await regionId('880101001');
    const county = await server.as('orgIn');
    const published = await county.ok<{ publishAssessments: number }>(
      'mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r) }',
      {
        r: township,
      },
    );
    expect(published.publishAssessments).toBe(1);
  });
  afterAll(() => stopConsole({ server, browser }));

  async function signInThroughForm(page: Page, actor: Exclude<Actor, 'token' | 'anonymous'>) {
    await page.getByTestId('sign-in-email').fill(ACTOR_EMAILS[actor]);
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  const periodShown = (page: Page) => page.getByTestId('period-select').inputValue();

  it.each(VIEWPORTS)(
    'the public home (%s) starts at the latest period the province has published, and a period without figures lists those with some',
    async (_name, viewport) => {
      const { page, errors } = await openPage(browser);
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/`);
      await page.getByTestId('region-summary').waitFor();
      expect(await periodShown(page)).toBe('2026-Q2');
      expect(await page.getByTestId('region-summary').textContent()).not.toContain('No assessment');
      await page.getByTestId('assessment-row').first().waitFor();

      // The township that was published shows its new quarter to the public.
      await page.goto(`${server.url}/?region=${encodeURIComponent(await regionId('880101001'))}`);
      await page.getByTestId('region-summary').waitFor();
      await expect.poll(() => periodShown(page), PAGE_WAIT).toBe('2026-Q3');

      // Asked for a period the province has not published, the page says so and offers the periods that have figures.
      await page.goto(`${server.url}/?period=2026-Q3`);
      const offered = page.getByTestId('periods-with-data');
      await offered.waitFor();
      expect(await page.getByTestId('region-summary').textContent()).toContain('No assessment');
      await offered.getByRole('link', { name: '2026-Q2' }).click();
      await page.waitForURL(/period=2026-Q2/);
      await expect.poll(() => page.getByTestId('region-summary').textContent(), PAGE_WAIT).not.toContain('No assessment');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it.each([
    ['orgIn', 'an organization: its own county'],
    ['auditor', 'an auditor: their city'],
    ['citizen', 'a citizen: their town'],
  ] as const)('%s lands on its work after signing in (%s), on a desktop and a phone', async (actor, _where) => {
    const home = await regionOf(actor);
    for (const [, viewport] of VIEWPORTS) {
      const { page, errors } = await openPage(browser);
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/sign-in`);
      await signInThroughForm(page, actor);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/');
      expect(url.searchParams.get('region')).toBe(home);
      await page.getByTestId('region-summary').waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('signing in comes back to the page the visitor was reading, and to a page that asked for it', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/harmony/methodology`);
    await page.getByTestId('sign-in-link').click();
    await page.waitForURL(/\/sign-in\?next=/);
    await signInThroughForm(page, 'orgIn');
    expect(new URL(page.url()).pathname).toBe('/harmony/methodology');
    await page.context().close();

    // A page that needs an account sends to sign-in, then back to itself with its query.
    const second = await openPage(browser);
    await second.page.goto(`${server.url}/harmony/observations?indicator=GINI`);
    await second.page.waitForURL(/\/sign-in\?next=/);
    await signInThroughForm(second.page, 'auditor');
    const back = new URL(second.page.url());
    expect(`${back.pathname}${back.search}`).toBe('/harmony/observations?indicator=GINI');
    expect([...errors, ...second.errors]).toEqual([]);
    await second.page.context().close();
  });

  it.each(['//evil.example/phish', 'https://evil.example/phish', '/\t/evil.example/phish', '/\\evil.example', 'javascript:alert(1)'])(
    'a next address that leaves the site (%j) lands on the user’s own page instead',
    async (next) => {
      const home = await regionOf('orgIn');
      const { page } = await openPage(browser);
      await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
      await signInThroughForm(page, 'orgIn');
      const url = new URL(page.url());
      expect(url.origin).toBe(server.url);
      expect(url.pathname).toBe('/');
      expect(url.searchParams.get('region')).toBe(home);
      await page.context().close();
    },
  );

  it('"Page not found" and "Not allowed" lead to the user’s own start page', async () => {
    const home = await regionOf('citizen');
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await signInThroughForm(page, 'citizen');
    await page.goto(`${server.url}/no-such-page`);
    await page.getByTestId('not-found').waitFor();
    await page.getByTestId('status-landing').click();
    await page.waitForURL((url) => url.searchParams.get('region') === home);
    await page.goto(`${server.url}/users`);
    await page.getByTestId('not-allowed').waitFor();
    expect(await page.getByTestId('status-landing').textContent()).toBe('Go to your start page');
    await page.getByTestId('status-landing').click();
    await page.waitForURL((url) => url.searchParams.get('region') === home);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('verifying a citizen shows what to check, asks for confirmation and keeps a note', async () => {
    await server.createUser({ email: 'to-verify@massline.test', role: 'CITIZEN', regionCode: '880101003', citizenStatus: 'UNVERIFIED' });
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, ACTOR_EMAILS.orgIn);
    await clickNav(page, 'nav-users');
    const row = page.getByTestId('user-row').filter({ hasText: 'to-verify@massline.test' });
    await row.getByTestId('user-verify').click();
    // Nothing is decided by the first click: the details to check and the confirmation come first.
    const details = row.getByTestId('user-verify-details');
    expect(await details.textContent()).toContain('to-verify');
    expect(await details.textContent()).toContain('880101003');
    expect(await details.textContent()).toMatch(/Registered on/);
    await row.getByTestId('user-verify-note').fill('ID card and household register seen');
    await row.getByTestId('user-verify-submit').click();
    await row.getByTestId('user-verify-form').waitFor({ state: 'detached' });
    const { users } = await (
      await server.as('orgIn')
    ).ok<{ users: { edges: { node: { citizenStatus: string; citizenReviewNote: string } }[] } }>(
      '{ users(first: 1, filter: { search: "to-verify" }) { edges { node { citizenStatus citizenReviewNote } } } }',
    );
    expect(users.edges[0].node).toEqual({ citizenStatus: 'VERIFIED', citizenReviewNote: 'ID card and household register seen' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('each page has its own document title in the current language; the citizen account labels each field once', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/harmony/methodology`);
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('Methodology — MassLine');
    await page.goto(`${server.url}/no-such-page`);
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('Page not found — MassLine');
    await page.goto(`${server.url}/sign-in`);
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('Sign in — MassLine');
    await signInThroughForm(page, 'citizen');
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('Dashboard — MassLine');
    await page.goto(`${server.url}/account`);
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('My account — MassLine');
    const labels = await page.getByTestId('account-details').locator('dt').allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('我的账户 — 群众路线 MassLine');
    await page.goto(`${server.url}/users`);
    await expect.poll(() => page.title(), PAGE_WAIT).toBe('无权访问 — 群众路线 MassLine');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(['en', 'zh-CN'] as const)(
    'at 375 px (%s) the header is compact and nothing is clipped: header, grade badges, the page',
    async (locale) => {
      const { page, errors } = await openPage(browser);
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${server.url}/sign-in`);
      await signInThroughForm(page, 'orgIn');
      if (locale === 'zh-CN') await page.getByTestId('language-switch').selectOption('zh-CN');
      await page.getByTestId('region-summary').locator('.grade-badge').waitFor();
      const header = await page.locator('.app-header').boundingBox();
      expect(header?.height).toBeLessThan(740 * 0.2);
      const clipped = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.app-header *, .grade-badge, .summary-card *'))
          .filter(
            (element) =>
              element.offsetParent !== null &&
              !element.classList.contains('visually-hidden') &&
              element.scrollWidth > element.clientWidth + 1 &&
              element.clientWidth > 0,
          )
          .map((element) => `${element.className}: ${element.textContent?.slice(0, 40)}`),
      );
      expect(clipped).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('"Set statistics" starts from the region’s current figures', async () => {
    const { regions } = await (
      await server.as('orgRoot')
    ).ok<{ regions: { edges: { node: { statistics: { period: string; population: number; households: number }[] } }[] } }>(
      '{ regions(first: 1, filter: { parentId: null }) { edges { node { statistics { period population households } } } } }',
    );
    const latest = regions.edges[0].node.statistics.at(-1);
    expect(latest).toBeDefined();
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, ACTOR_EMAILS.orgRoot);
    await page.goto(`${server.url}/regions`);
    await page.getByTestId('region-set-statistics').first().click();
    expect(await page.getByTestId('statistics-period').inputValue()).toBe(latest?.period);
    expect(await page.getByTestId('statistics-population').inputValue()).toBe(String(latest?.population));
    expect(await page.getByTestId('statistics-households').inputValue()).toBe(String(latest?.households));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an auditor walks every page of their navigation and is offered no action that writes', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, server.url, ACTOR_EMAILS.auditor);
    const links = (await offeredNavLinks(page)).filter((id) => id !== 'nav-account');
    expect(links).toEqual(expect.arrayContaining(['nav-dashboard', 'nav-observations', 'nav-alerts', 'nav-users', 'nav-audit']));
    expect(links).not.toContain('nav-import');
    expect(links).not.toContain('nav-sensitivity');
    // Read-only, the raw data's link is not "Data entry".
    expect(await page.getByTestId('nav-observations').textContent()).toBe('Observations');
    const offered = await offeredActions(page, links);
    expect(offered.length).toBeGreaterThan(0);
    const writes = offered.filter((action) => WRITE_ACTION.test(action));
    expect(writes).toEqual([]);
    // The same walk finds the writes an organization is offered on those pages: the check can fail.
    const county = await openPage(browser);
    await signIn(county.page, server.url, ACTOR_EMAILS.orgIn);
    const countyWrites = (await offeredActions(county.page, ['nav-observations', 'nav-users'])).filter((action) =>
      WRITE_ACTION.test(action),
    );
    expect(countyWrites).toEqual(
      expect.arrayContaining([expect.stringContaining('observation-submit'), expect.stringContaining('user-create-open')]),
    );
    expect([...errors, ...county.errors]).toEqual([]);
    await page.context().close();
    await county.page.context().close();
  });
});

/** Every enabled, visible button of the pages behind these navigation links, as `link: test-id label`. */
async function offeredActions(page: Page, links: readonly string[]): Promise<string[]> {
  const offered: string[] = [];
  for (const link of links) {
    // The new page, not the last one still on screen (clickNav waits for it), then its data.
    await clickNav(page, link);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('main .state-loading').count(), PAGE_WAIT).toBe(0);
    const actions = await page.locator('main').evaluate((main) =>
      Array.from(main.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type="submit"]'))
        .filter((control) => !control.disabled && control.offsetParent !== null)
        .map((control) => `${control.dataset.testid ?? ''} ${control.textContent ?? control.value}`.trim()),
    );
    offered.push(...actions.map((action) => `${link}: ${action}`));
  }
  return offered;
}

/** What a control that writes is called (by test id or label): creating, recording, publishing, reviewing, ending… */
const WRITE_ACTION =
  /\b(create|new|add|record|submit|save|import|publish|acknowledge|resolve|revoke|deactivate|reactivate|verify|reject|start|delete|remove|set|undo|compute)\b/i;
