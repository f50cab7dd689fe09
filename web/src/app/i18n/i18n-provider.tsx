import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'massline.locale';
/** Chinese unless the browser prefers English: the platform's users are Chinese. */
const FALLBACK_LOCALE: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message of `key` in the current language, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: MessageParams): string;
  /** For keys built at run time (an error reason from the server): null when there is no such message. */
  tryTranslate(key: string, params?: MessageParams): string | null;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
  formatNumber(value: number | null | undefined): string;
  /** Regions carry both names: Chinese in zh-CN, English otherwise. */
  regionName(region: { name: string; nameEn: string }): string;
}

const I18nContext = createContext<I18n | null>(null);

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

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
function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage can be disabled (private mode, policies): fall back to the browser's language
  }
  return browserLocale();
}

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = DICTIONARIES[locale]['app.title'];
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, but the switch still works for this visit
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[locale];
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const formatWith = (format: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
      if (!iso) return '—';
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
    };
    return {
      locale,
      setLocale,
      // The key itself if a message is missing at run time (types make that a compile error, but data is data).
      t: (key, params) => fill(dictionary[key] ?? key, params),
      tryTranslate: (key, params) => (isMessageKey(key) ? fill(dictionary[key], params) : null),
      formatDateTime: formatWith(dateTime),
      formatDate: formatWith(date),
      formatNumber: (n) => (n === null || n === undefined ? '—' : number.format(n)),
      regionName: (region) => (locale === 'zh-CN' ? region.name : region.nameEn),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
