import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { harmony } from '@massline/shared';
import { chromiumAvailable, offeredNavLinks, startConsole, stopConsole } from '../support/browser';
import { DEMO_PASSWORD, type TestServer } from '../support/test-server';

/**
 * The console in 中文, as each role meets it: every page its navigation offers (the FEATURES routes it may
 * open), the public pages, a page that does not exist, the main forms opened, and refusals provoked (a CSV
 * with bad rows, a value out of range, a wrong password). Nowhere an untranslated message key, an unfilled
 * `{placeholder}`, or an English sentence.
 */

/** Words that stay as they are in Chinese text: names, codes, units, formats. */
const ALLOWED_WORDS = new Set(
  [
    'MassLine',
    'API',
    'CSV',
    'UTF',
    'ID',
    'Gini',
    'OECD',
    'JRC',
    ...harmony.DEFAULT_INDICATORS.map((indicator) => indicator.code),
    'region_code',
    'period',
    'indicator',
    'value',
    'raw_count',
    'raw_total',
    'source',
    'Q1',
    'Q2',
    'Q3',
    'Q4',
    'v1',
    'v2',
    'Monte',
    'Carlo',
    'Lorenz',
    'English',
    'z',
    'min',
    'max',
    'income',
    'weight',
  ].map((word) => word.toLowerCase()),
);

/** What the page shows that a reader reads: visible text (not code samples or typed values), labels read aloud. */
function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text) continue;
      // Code, CSV samples and the data people typed are what they are in any language.
      if (parent.closest('code, pre, script, style, textarea, [data-i18n-exempt]')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden' || parent.getClientRects().length === 0) {
        // Hidden text still counts when it is read aloud (visually hidden labels).
        if (!parent.closest('.visually-hidden, .sr-only')) continue;
      }
      texts.push(text);
    }
    for (const element of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** A message key left untranslated (`harmony.import.title`), or a placeholder left unfilled. */
const MESSAGE_KEY = /(?<![@\w.-])(?:[a-z][a-zA-Z]*\.)+[a-zA-Z][\w-]*(?![\w@.-])/g;
const NOT_KEYS = /\.(demo|test|com|cn|org|csv|js|json)$/;
const PLACEHOLDER = /\{[a-zA-Z]+\}/;

/** Two or more English words in a row that are not on the allow-list: an English sentence (or its start). */
function englishRun(text: string): string | null {
  let run: string[] = [];
  for (const token of text.split(/([A-Za-z][A-Za-z'’-]*)/)) {
    if (/^[A-Za-z][A-Za-z'’-]*$/.test(token)) {
      if (ALLOWED_WORDS.has(token.toLowerCase())) {
        run = [];
        continue;
      }
      run.push(token);
      if (run.length >= 2) return run.join(' ');
    } else if (!/^[\s,;:'’-]*$/.test(token)) {
      run = [];
    }
  }
  return null;
}

/**
 * What people typed is shown as they typed it, in whatever language: the names of users and organizations
 * and the sources of observations in the demo data (some bilingual, some English) are taken out of a text
 * before it is judged.
 */
let dataTexts: string[] = [];

function withoutData(text: string): string {
  return dataTexts.reduce((rest, data) => rest.split(data).join(' '), text);
}

/** Every English run, message key and unfilled placeholder the page shows, with where. */
async function leaks(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const text of (await readableTexts(page)).map(withoutData)) {
    for (const key of text.match(MESSAGE_KEY) ?? []) if (!NOT_KEYS.test(key)) found.push(`${where}: key "${key}" in "${text}"`);
    if (PLACEHOLDER.test(text)) found.push(`${where}: placeholder in "${text}"`);
    const english = englishRun(text);
    if (english) found.push(`${where}: English "${english}" in "${text}"`);
  }
  return found;
}

/** A page settled: its data arrived (no loading state left). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[aria-busy="true"], .loading')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

// A walk's length grows with every page a feature adds: the time allowed is per walk, not per page.
describe.skipIf(!chromiumAvailable)('the console in 中文, every page of every role', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    const rows = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ text: string }[]>(
        `select display_name as text from app_user union select name from organization
       union select source from observation where source is not null union select name from api_token
       union select name from cadre union select note from verdict_settings where note is not null`,
      );
    // Longest first: a name that contains another is taken out whole.
    dataTexts = rows.map((row) => row.text).sort((a, b) => b.length - a.length);
  });
  afterAll(() => stopConsole({ server, browser }));

  async function chinesePage(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  async function signInZh(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-account').waitFor();
  }

  /** Visits every page the navigation offers, then the given extra paths; the leaks of all. */
  async function walk(page: Page, role: string, extraPaths: string[] = []): Promise<string[]> {
    await page.goto(`${server.url}/`);
    await settle(page);
    const links = await offeredNavLinks(page);
    const paths = new Set<string>();
    for (const testId of links) {
      const href = await page.getByTestId(testId).getAttribute('href');
      if (href) paths.add(href);
    }
    for (const path of extraPaths) paths.add(path);
    expect(paths.size, `${role} is offered pages`).toBeGreaterThan(0);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await settle(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      found.push(...(await leaks(page, `${role} ${path}`)));
    }
    return found;
  }

  /** Opens each form an "open" button of the page shows, then reads it. */
  async function openForms(page: Page, role: string, path: string, openers: string[]): Promise<string[]> {
    await page.goto(`${server.url}${path}`);
    await settle(page);
    const found: string[] = [];
    for (const opener of openers) {
      const button = page.getByTestId(opener);
      if ((await button.count()) === 0) continue;
      await button.click();
      await settle(page);
      found.push(...(await leaks(page, `${role} ${path} (${opener})`)));
    }
    return found;
  }

  it('the public: the home page, the regions, sign-in (a wrong password refused), registration, a page that does not exist', async () => {
    const { page, errors } = await chinesePage();
    const found = await walk(page, 'public', ['/sign-in', '/register', '/no-such-page']);
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill('county@massline.demo');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await page.getByRole('alert').first().waitFor();
    found.push(...(await leaks(page, 'public /sign-in (refused)')));
    // A receipt check: a code that is not one refused, a well-formed one not counted, both in Chinese.
    await page.goto(`${server.url}/receipt`);
    await page.getByTestId('receipt-check-code').fill('12345');
    await page.getByTestId('receipt-check-run').click();
    await page.locator('.field-error').first().waitFor();
    found.push(...(await leaks(page, 'public /receipt (not a code)')));
    await page.getByTestId('receipt-check-code').fill('0000-0000-0000-0000-0000');
    await page.getByTestId('receipt-check-run').click();
    await page.getByTestId('receipt-check-result').waitFor();
    found.push(...(await leaks(page, 'public /receipt (not counted)')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an organization: every page, its forms, a CSV with bad rows and a value out of range refused', async () => {
    const { page, errors } = await chinesePage();
    await signInZh(page, 'county@massline.demo');
    const found = await walk(page, 'organization');
    found.push(...(await openForms(page, 'organization', '/users', ['user-create-open'])));
    found.push(...(await openForms(page, 'organization', '/organizations', ['organization-create-open'])));
    found.push(...(await openForms(page, 'organization', '/api-tokens', ['api-token-create-open'])));
    found.push(...(await openForms(page, 'organization', '/harmony/indicators', ['indicator-create-open'])));
    found.push(...(await openForms(page, 'organization', '/harmony/methodology', ['methodology-create-open'])));
    // The campaign editor: the default criteria in Chinese, and an empty draft refused at its fields.
    found.push(...(await openForms(page, 'organization', '/campaigns', ['campaign-create-open'])));
    await page.getByTestId('campaign-save').click();
    await page.locator('.field-error').first().waitFor();
    found.push(...(await leaks(page, 'organization /campaigns/new (refused)')));

    // A CSV whose rows break every kind of rule: each refusal worded in Chinese, the indicator by its name.
    await page.goto(`${server.url}/harmony/import`);
    const header = 'region_code,period,indicator,value,raw_count,raw_total,source';
    const rows = [
      '880101003,2026-Q3,CADRE_TRUST,150,,,survey',
      '999999,2026-Q3,GINI,0.3,,,',
      '880101003,2026-13,GINI,0.3,,,',
      '880101003,2026-Q3,NOPE,1,,,',
      '880101003,2026-Q3,GINI,abc,,,',
      '880101003,2026-Q3,PETITIONS,3,5,,',
      '880101003,2026-Q3,HOT_ISSUES,,61,60,',
      '880101003,2026-Q3,HOT_ISSUES,,1,2,,extra',
    ];
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows].join('\n')),
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-rejected').waitFor();
    const errorRows = await page.getByTestId('import-error-row').allTextContents();
    expect(errorRows).toHaveLength(rows.length);
    expect(errorRows[0]).toContain('群众对领导干部信任度须在 0 至 100 之间，当前为 150');
    found.push(...(await leaks(page, 'organization /harmony/import (bad rows)')));

    // A value out of range in the observation form: refused at its field, in Chinese.
    await page.goto(`${server.url}/harmony/observations`);
    await page.getByTestId('observation-form').waitFor();
    await page.getByTestId('observation-indicator').selectOption('CADRE_TRUST');
    await page.getByTestId('observation-value').fill('150');
    await page.getByTestId('observation-submit').click();
    await page.locator('.field-error').first().waitFor();
    found.push(...(await leaks(page, 'organization /harmony/observations (out of range)')));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a citizen and an auditor: every page their navigation offers', async () => {
    const found: string[] = [];
    for (const [role, email] of [
      ['citizen', 'citizen@massline.demo'],
      ['auditor', 'auditor@massline.demo'],
    ] as const) {
      const { page, errors } = await chinesePage();
      await signInZh(page, email);
      found.push(...(await walk(page, role)));
      expect(errors).toEqual([]);
      await page.context().close();
    }
    expect(found).toEqual([]);
  });
});
