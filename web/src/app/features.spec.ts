import { createAbility, type AppRule } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { isPageRoute, type NavEntry } from './feature';
import { FEATURES } from './features';
import { en } from './i18n/en';
import { CORE_MESSAGES } from './i18n/message-loading';
import { LOCALES } from './i18n/locale';
import { isCurrent, navigationFor } from './navigation-model';

const pages = FEATURES.flatMap((feature) => feature.routes.filter(isPageRoute).map((route) => ({ feature, route })));
const navEntries = pages.flatMap(({ route }) => (route.nav ? [route.nav] : []));
const sorted = (values: Iterable<string>) => [...values].sort();

function access(rules: AppRule[], signedIn: boolean) {
  return { ability: createAbility(rules), signedIn };
}

describe('the feature registry (FEATURES)', () => {
  it('gives every route its own path and every navigation link its own test id', () => {
    const paths = FEATURES.flatMap((feature) => feature.routes.map((route) => route.path));
    expect(new Set(paths).size).toBe(paths.length);
    const testIds = navEntries.map((entry) => entry.testId);
    expect(new Set(testIds).size).toBe(testIds.length);
    expect(testIds.every((id) => id.startsWith('nav-'))).toBe(true);
    expect(new Set(FEATURES.map((feature) => feature.id)).size).toBe(FEATURES.length);
  });

  it('keeps the test ids and paths the browser tests and bookmarks rely on', () => {
    const byTestId = Object.fromEntries(pages.flatMap(({ route }) => (route.nav ? [[route.nav.testId, `/${route.path}`]] : [])));
    expect(byTestId).toEqual({
      'nav-dashboard': '/',
      'nav-observations': '/harmony/observations',
      'nav-import': '/harmony/import',
      'nav-methodology': '/harmony/methodology',
      'nav-indicators': '/harmony/indicators',
      'nav-sensitivity': '/harmony/sensitivity',
      'nav-alerts': '/harmony/alerts',
      'nav-campaigns': '/campaigns',
      'nav-my-campaigns': '/my-campaigns',
      'nav-my-participation': '/my-participation',
      'nav-receipt-check': '/receipt',
      'nav-cadres': '/cadres',
      'nav-posts': '/posts',
      'nav-regions': '/regions',
      'nav-users': '/users',
      'nav-verdict-settings': '/verdict-settings',
      'nav-verdicts': '/verdicts',
      'nav-grants': '/grants',
      'nav-notices': '/notices',
      'nav-my-objections': '/my-objections',
      'nav-calendar': '/calendar',
      'nav-ledger': '/ledger',
      'nav-review-alerts': '/review-alerts',
      'nav-organizations': '/organizations',
      'nav-api-tokens': '/api-tokens',
      'nav-audit': '/audit',
      'nav-security-log': '/security-log',
      'nav-account': '/account',
    });
  });

  it('has every navigation and menu label in the core dictionary of both languages', async () => {
    const labels = navEntries.flatMap((entry: NavEntry) => [
      entry.label,
      ...(entry.readOnly ? [entry.readOnly.label] : []),
      ...(entry.group === 'header' ? [] : [entry.group.label]),
    ]);
    for (const locale of LOCALES) {
      const core = await CORE_MESSAGES[locale]();
      for (const label of labels) expect(core[label], `${locale}: ${label}`).toEqual(expect.any(String));
    }
  });

  it("has a core zh-CN dictionary with exactly the English keys, and so has every feature's", async () => {
    expect(sorted(Object.keys(await CORE_MESSAGES['zh-CN']()))).toEqual(sorted(Object.keys(en)));
    for (const feature of FEATURES) {
      const [english, chinese] = await Promise.all([feature.messages.en(), feature.messages['zh-CN']()]);
      expect(Object.keys(english).length, feature.id).toBeGreaterThan(0);
      expect(sorted(Object.keys(chinese)), feature.id).toEqual(sorted(Object.keys(english)));
      // A feature's keys are its own: none shadows a core key or another feature's.
      for (const key of Object.keys(english)) expect(Object.hasOwn(en, key), `${feature.id}: ${key}`).toBe(false);
    }
    const all = (await Promise.all(FEATURES.map((feature) => feature.messages.en()))).flatMap((messages) => Object.keys(messages));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('navigationFor', () => {
  it('offers an anonymous visitor the public pages only, by menu', () => {
    const model = navigationFor(
      FEATURES,
      access(
        [
          { action: 'read', subject: 'Assessment' },
          { action: 'read', subject: 'MethodologyVersion' },
          { action: 'read', subject: 'Indicator' },
          { action: 'read', subject: 'Region' },
          { action: 'read', subject: 'Organization' },
        ],
        false,
      ),
    );
    expect(model.menus.map((menu) => [menu.group.id, menu.items.map((item) => item.testId)])).toEqual([
      ['harmony', ['nav-dashboard', 'nav-methodology', 'nav-indicators']],
      // Organizations need someone signed in, whatever the rules say.
      ['administration', ['nav-regions']],
    ]);
    expect(model.header).toEqual([]);
  });

  it('puts my account in the header for whoever is signed in, and lists users only for a read rule not tied to one id', () => {
    const citizen = navigationFor(
      FEATURES,
      access(
        [
          { action: 'read', subject: 'Region' },
          { action: 'read', subject: 'User', conditions: { id: 'self' } },
        ],
        true,
      ),
    );
    expect(citizen.header.map((item) => item.testId)).toEqual(['nav-account']);
    expect(citizen.menus.flatMap((menu) => menu.items.map((item) => item.testId))).toEqual(['nav-regions']);
    const organization = navigationFor(
      FEATURES,
      access([{ action: 'read', subject: 'User', conditions: { 'region.path': { $regex: '^1' } } }], true),
    );
    expect(organization.menus.flatMap((menu) => menu.items.map((item) => item.testId))).toEqual(['nav-users']);
  });

  it('marks the dashboard current only at /, other pages on their sub-paths too', () => {
    const model = navigationFor(FEATURES, access([{ action: 'manage', subject: 'all' }], true));
    const item = (testId: string) => model.menus.flatMap((menu) => menu.items).find((candidate) => candidate.testId === testId)!;
    expect(isCurrent(item('nav-dashboard'), '/')).toBe(true);
    expect(isCurrent(item('nav-dashboard'), '/regions')).toBe(false);
    expect(isCurrent(item('nav-regions'), '/regions')).toBe(true);
    expect(isCurrent(item('nav-alerts'), '/harmony/alerts')).toBe(true);
    expect(isCurrent(item('nav-alerts'), '/harmony/import')).toBe(false);
  });
});
