/** Where to go after signing in: only a path of this console, never another site (`//evil`, `https:`). */
export function safeNext(next: string | null, fallback = '/regions'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/sign-in') || next.startsWith('/register')) return fallback;
  return next;
}
