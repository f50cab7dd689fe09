import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AccessPredicate } from './access';
import type { CoreMessageKey } from './i18n/en';
import type { MessageLoaders } from './i18n/message-loading';

/** A lazy page: its own chunk, fetched when first visited, or earlier with `preload()`. */
export interface LazyPage {
  Component: LazyExoticComponent<ComponentType>;
  /** Starts fetching the chunk (the route does it while the feature's messages load, not after). */
  preload(): void;
}

/** Every page is its own chunk (named exports, as everywhere else). */
export function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | null = null;
  // One fetch for both: React.lazy and an early preload() share the promise.
  const fetchOnce = () => (loading ??= load().then((module) => ({ default: pick(module) })));
  return {
    Component: lazy(fetchOnce),
    // A failure is the page's to show when it renders (React.lazy rethrows it), not the preload's.
    preload: () => void fetchOnce().catch(() => undefined),
  };
}

/** A menu of the navigation. Features share one by using the same object (see navigation-groups.ts). */
export interface NavGroup {
  id: string;
  label: CoreMessageKey;
}

/** Where a page shows in the navigation. Labels are in the core dictionary: the menu renders at first paint. */
export interface NavEntry {
  /** A menu of the main navigation, or 'header' for the links beside the account (my account). */
  group: NavGroup | 'header';
  label: CoreMessageKey;
  /**
   * The label for a caller who may only read the page, and what makes a caller more than a reader: an
   * auditor's link says "Observations", not "Data entry".
   */
  readOnly?: { label: CoreMessageKey; unless: AccessPredicate };
  /** The link's test id (`nav-…`), relied on by the browser tests. */
  testId: string;
}

export interface PageRoute {
  /** Relative to the root, '' for the home page. */
  path: string;
  page: LazyPage;
  /** Who may open it (absent: everybody, e.g. sign-in). The navigation shows it to the same callers. */
  access?: AccessPredicate;
  nav?: NavEntry;
  /** The document title of a page outside the navigation (sign-in); a page in it is titled by its link's label. */
  title?: CoreMessageKey;
}

export interface RedirectRoute {
  path: string;
  redirectTo: string;
}

export type FeatureRoute = PageRoute | RedirectRoute;

/** One folder of web/src/features: its routes and its messages. The app folds over FEATURES (features.ts). */
export interface Feature {
  id: string;
  /** In navigation order. */
  routes: readonly FeatureRoute[];
  /** The feature's own dictionaries, loaded with its pages in the current language only. */
  messages: MessageLoaders;
}

export function isPageRoute(route: FeatureRoute): route is PageRoute {
  return 'page' in route;
}
