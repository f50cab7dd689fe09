import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAccess, type AccessPredicate } from '../app/access';
import { NotAllowedPage } from './status-pages';

/**
 * Renders a page only if the caller's ability opens it (the route's `access` in its feature's
 * manifest). Otherwise the page is not mounted at all, so none of its queries is sent: signed out,
 * the guard sends to sign-in and back; signed in, it shows "not allowed". The server refuses such
 * queries anyway: this is for the reader.
 */
export function PermissionGuard({ allowed, children }: { allowed: AccessPredicate; children: ReactNode }) {
  const access = useAccess();
  const location = useLocation();
  if (allowed(access)) return children;
  if (!access.signedIn) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <NotAllowedPage />;
}
