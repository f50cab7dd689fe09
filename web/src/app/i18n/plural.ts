import type { Locale } from './locale';

type Params = Record<string, string | number>;

/** What plural() needs of an i18n: the language, and a lookup that says when a message is missing. */
interface PluralI18n {
  locale: Locale;
  tryTranslate(key: string, params?: Params): string | null;
}

const rules = new Map<Locale, Intl.PluralRules>();

/** The plural category of a count in a language (English: one / other; Chinese: always other). */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(count);
}

/**
 * A message with plural forms: the dictionaries hold `<key>.one`, `<key>.other` (and whatever other
 * categories a language has, per Intl.PluralRules), and this picks the count's form, `{count}` filled
 * in. A language without plural forms (Chinese) writes only `<key>.other`. Null when the key has neither
 * the count's form nor `other`.
 */
export function plural(i18n: PluralI18n, key: string, count: number, params: Params = {}): string | null {
  const filled = { count, ...params };
  return i18n.tryTranslate(`${key}.${pluralCategory(i18n.locale, count)}`, filled) ?? i18n.tryTranslate(`${key}.other`, filled);
}
