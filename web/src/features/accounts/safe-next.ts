const BASE = 'https://console.invalid';

/**
 * Where to go after signing in: only a path of this console, never another site (`//evil`, `https:`,
 * `/\evil`, a tab or newline that a browser would drop before reading the address). The path is read the
 * way the browser will read it, and kept only if it stays on this origin.
 */
export function safeNext(next: string | null, fallback = '/'): string {
  if (!next || !next.startsWith('/') || [...next].some((char) => char < ' ' || char === '\\')) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/register')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
