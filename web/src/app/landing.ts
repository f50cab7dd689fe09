import { useSession } from './session-provider';

/** What the landing needs of a signed-in user: the region they work on or live in. */
export interface LandingUser {
  readonly region: { readonly id: string };
}

/**
 * Where a user starts: the dashboard of their own region — an organization's jurisdiction, an
 * auditor's city, a citizen's town of residence. A visitor starts on the province's public dashboard.
 */
export function landingPath(user: LandingUser | null): string {
  return user ? `/?${new URLSearchParams({ region: user.region.id }).toString()}` : '/';
}

/** The caller's landing, for links that offer a way back ("Not allowed", "Page not found", the brand). */
export function useLandingPath(): string {
  return landingPath(useSession().user);
}

/** The sign-in page, asked to come back to `here` afterwards (unless `here` is a sign-in or registration page). */
export function signInPath(here: string): string {
  if (here === '/' || here.startsWith('/sign-in') || here.startsWith('/register')) return '/sign-in';
  return `/sign-in?${new URLSearchParams({ next: here }).toString()}`;
}
