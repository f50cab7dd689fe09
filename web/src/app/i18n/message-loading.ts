import type { Locale } from './locale';

/** A dictionary as loaded: message key → template with `{name}` placeholders. */
export type Messages = Readonly<Record<string, string>>;

/** How a dictionary arrives: one lazy chunk per language, so only the current language is ever fetched. */
export type MessageLoaders = Readonly<Record<Locale, () => Promise<Messages>>>;

const loaded = new Map<() => Promise<Messages>, Promise<Messages>>();

/**
 * The dictionary of a loader, fetched once. React's `use()` needs the same promise on every render, so
 * it is cached by loader; a failed fetch (network) is forgotten, so that the next render tries again.
 */
export function loadMessages(loader: () => Promise<Messages>): Promise<Messages> {
  let messages = loaded.get(loader);
  if (!messages) {
    messages = loader();
    loaded.set(loader, messages);
    messages.catch(() => loaded.delete(loader));
  }
  return messages;
}

/** The app's core dictionaries: each its own chunk, so first load carries only the current language. */
export const CORE_MESSAGES: MessageLoaders = {
  en: () => import('./en').then((module) => module.en),
  'zh-CN': () => import('./zh-cn').then((module) => module.zhCN),
};
