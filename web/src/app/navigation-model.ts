import { matchPath } from 'react-router';
import type { Access } from './access';
import { isPageRoute, type Feature, type NavEntry, type NavGroup } from './feature';
import type { CoreMessageKey } from './i18n/en';

export interface NavItem {
  to: string;
  label: CoreMessageKey;
  testId: string;
  /** Active only on this exact path (the dashboard at / would otherwise be active everywhere). */
  end: boolean;
}

export interface NavMenu {
  group: NavGroup;
  items: NavItem[];
}

export interface NavigationModel {
  /** The menus of the main navigation, in the order of their first page in FEATURES. */
  menus: NavMenu[];
  /** The links beside the account in the header. */
  header: NavItem[];
}

/** A link's label for this caller: the read-only one for a caller who may only read the page. */
export function navLabel(nav: NavEntry, access: Access): CoreMessageKey {
  return nav.readOnly && !nav.readOnly.unless(access) ? nav.readOnly.label : nav.label;
}

/** What the navigation offers this caller: the pages of every feature that their access opens, by menu. */
export function navigationFor(features: readonly Feature[], access: Access): NavigationModel {
  const menus = new Map<string, NavMenu>();
  const header: NavItem[] = [];
  for (const feature of features) {
    for (const route of feature.routes) {
      if (!isPageRoute(route) || !route.nav) continue;
      if (route.access && !route.access(access)) continue;
      const item: NavItem = { to: `/${route.path}`, label: navLabel(route.nav, access), testId: route.nav.testId, end: route.path === '' };
      const { group } = route.nav;
      if (group === 'header') {
        header.push(item);
        continue;
      }
      const menu = menus.get(group.id) ?? { group, items: [] };
      menu.items.push(item);
      menus.set(group.id, menu);
    }
  }
  return { menus: [...menus.values()], header };
}

/** Is `item` the page at `pathname` (a sub-path counts, unless the item is `end`)? */
export function isCurrent(item: NavItem, pathname: string): boolean {
  return matchPath({ path: item.to, end: item.end }, pathname) !== null;
}
