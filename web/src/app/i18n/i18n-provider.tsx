import { createContext, startTransition, use, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { regionLabel } from '@massline/shared';
import type { CoreMessageKey } from './en';
import { isLocale, type Locale } from './locale';
import { CORE_MESSAGES, loadMessages, type MessageLoaders, type Messages } from './message-loading';

export { LOCALES, type Locale } from './locale';

const STORAGE_KEY = 'massline.locale';
/** Chinese unless the browser prefers English: the platform's users are Chinese. */
const FALLBACK_LOCALE: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;

/** A region as the console names it: both names, and where the query asked for them, whether the name repeats and the parent's names. */
export interface NamedRegion {
  name: string;
  nameEn: string;
  nameRepeats?: boolean;
  parent?: { name: string; nameEn: string } | null;
}

/** The current language and its messages; `Key` is what `t()` accepts (the core's, plus a feature's own). */
export interface I18n<Key extends string = CoreMessageKey> {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message of `key` in the current language, with `{name}` placeholders filled from `params`. */
  t(key: Key, params?: MessageParams): string;
  /** For keys built at run time (an error reason from the server): null when there is no such message. */
  tryTranslate(key: string, params?: MessageParams): string | null;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
  formatNumber(value: number | null | undefined): string;
  /**
   * Regions carry both names: Chinese in zh-CN, English otherwise; where the name repeats (four
   * "Chengguan Town") and the parent came along, with the parent's (shared regionLabel).
   */
  regionName(region: NamedRegion): string;
}

interface I18nContextValue {
  i18n: I18n<string>;
  /** Every message loaded for this part of the tree: the core's, and those of the feature around it. */
  messages: Messages;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** The first of the browser's languages that the console speaks. */
function browserLocale(): Locale {
  for (const language of navigator.languages ?? [navigator.language]) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return FALLBACK_LOCALE;
}

/** The language chosen with the switch (remembered), else the browser's. */
export function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage can be disabled (private mode, policies): fall back to the browser's language
  }
  return browserLocale();
}

export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function makeI18n(locale: Locale, setLocale: (locale: Locale) => void, messages: Messages): I18n<string> {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  const formatWith = (format: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    if (!iso) return '—';
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
  };
  const lookup = (key: string): string | null => (Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : null);
  return {
    locale,
    setLocale,
    // The key itself if a message is missing at run time (types make that a compile error, but data is data).
    t: (key, params) => fill(lookup(key) ?? key, params),
    tryTranslate: (key, params) => {
      const template = lookup(key);
      return template === null ? null : fill(template, params);
    },
    formatDateTime: formatWith(dateTime),
    formatDate: formatWith(date),
    formatNumber: (n) => (n === null || n === undefined ? '—' : number.format(n)),
    regionName: (region) =>
      locale === 'zh-CN'
        ? regionLabel(region.name, region.parent?.name, region.nameRepeats ?? false, 'zh-cn')
        : regionLabel(region.nameEn, region.parent?.nameEn, region.nameRepeats ?? false, 'en'),
  };
}

/**
 * The current language and the core dictionary of it, fetched before anything renders (suspends: a
 * <Suspense> must be above). Switching language is a transition: the page stays in the old language
 * until the new one's messages have arrived, so no raw key ever shows.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const messages = use(loadMessages(CORE_MESSAGES[locale]));

  useEffect(() => {
    // The document title is each page's (useDocumentTitle), in this language too.
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    startTransition(() => setLocaleState(next));
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, but the switch still works for this visit
    }
  }, []);

  const value = useMemo<I18nContextValue>(() => ({ i18n: makeI18n(locale, setLocale, messages), messages }), [locale, setLocale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/**
 * A feature's messages in the current language, added to the core's for the pages inside. Suspends
 * until they are there (the page renders after its messages: no flash of raw keys).
 */
export function FeatureMessages({ loaders, children }: { loaders: MessageLoaders; children: ReactNode }) {
  const parent = useContextValue();
  const own = use(loadMessages(loaders[parent.i18n.locale]));
  const value = useMemo<I18nContextValue>(() => {
    const messages = { ...parent.messages, ...own };
    return { i18n: makeI18n(parent.i18n.locale, parent.i18n.setLocale, messages), messages };
  }, [parent, own]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useContextValue(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

/** The core's messages: the shell, the shared components, the error reasons. */
export function useI18n(): I18n {
  return useContextValue().i18n;
}

/**
 * For a feature's own hook (e.g. `useHarmonyI18n`): `t()` typed by the core's keys and the feature's.
 * Only valid under the feature's <FeatureMessages>, which every route of the feature is rendered in.
 */
export function useFeatureI18n<Key extends string>(): I18n<CoreMessageKey | Key> {
  return useContextValue().i18n;
}
