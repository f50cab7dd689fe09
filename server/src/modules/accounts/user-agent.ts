/** Browsers by the token that names them, the more specific first (Edge and Opera also say "Chrome", Chrome also says "Safari"). */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdgA?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bHeadlessChrome\//, 'HeadlessChrome'],
  [/\bChrom(e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * What a person needs to recognise a session, from its User-Agent header: the browser and its operating
 * system ("Firefox · Windows"), without versions or device models (the whole header is more than is needed,
 * and nearly identifies a person). Another client is named by its first product token ("curl"). Proper
 * names only, so that the console shows it as it is in every language.
 */
export function describeUserAgent(header: string | null | undefined): string | null {
  const userAgent = header?.trim();
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser) return system ? `${browser} · ${system}` : browser;
  const product = /^([A-Za-z][A-Za-z0-9._-]{0,39})/.exec(userAgent)?.[1];
  return product ?? null;
}
