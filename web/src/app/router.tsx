import { Navigate, Route, Routes } from 'react-router';
import { PermissionGuard } from '../lib/permission-guard';
import { NotFoundPage } from '../lib/status-pages';
import { useAccess } from './access';
import { useDocumentTitle } from './document-title';
import { isPageRoute, type Feature, type PageRoute } from './feature';
import { FEATURES } from './features';
import { FeatureMessages } from './i18n/i18n-provider';
import { Layout } from './layout';
import { navLabel } from './navigation-model';

/** A feature's page: guarded by its access, rendered once the feature's messages are there. */
function FeaturePage({ feature, route }: { feature: Feature; route: PageRoute }) {
  const access = useAccess();
  const allowed = !route.access || route.access(access);
  useDocumentTitle(allowed ? (route.title ?? (route.nav ? navLabel(route.nav, access) : 'app.title')) : 'notAllowed.title');
  // The page's chunk downloads while the messages do, not after them (and not at all if it may not open).
  if (allowed) route.page.preload();
  const page = (
    <FeatureMessages loaders={feature.messages}>
      <route.page.Component />
    </FeatureMessages>
  );
  return route.access ? <PermissionGuard allowed={route.access}>{page}</PermissionGuard> : page;
}

/** Every route of every feature (FEATURES), in the one layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {FEATURES.flatMap((feature) =>
          feature.routes.map((route) => {
            const element = isPageRoute(route) ? (
              <FeaturePage feature={feature} route={route} />
            ) : (
              <Navigate to={route.redirectTo} replace />
            );
            return route.path === '' ? (
              <Route key={`${feature.id}:`} index element={element} />
            ) : (
              <Route key={`${feature.id}:${route.path}`} path={route.path} element={element} />
            );
          }),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
