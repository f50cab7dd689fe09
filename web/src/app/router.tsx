import { lazy, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PermissionGuard } from '../lib/permission-guard';
import { NotFoundPage } from '../lib/status-pages';
import type { PageName } from './access';
import { Layout } from './layout';

/** Every page is its own chunk, fetched when first visited (named exports, as everywhere else). */
function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SignInPage = lazyPage(
  () => import('../features/accounts/sign-in-page'),
  (m) => m.SignInPage,
);
const RegisterPage = lazyPage(
  () => import('../features/accounts/register-page'),
  (m) => m.RegisterPage,
);
const AccountPage = lazyPage(
  () => import('../features/accounts/account-page'),
  (m) => m.AccountPage,
);
const UsersPage = lazyPage(
  () => import('../features/accounts/users-page'),
  (m) => m.UsersPage,
);
const OrganizationsPage = lazyPage(
  () => import('../features/accounts/organizations-page'),
  (m) => m.OrganizationsPage,
);
const ApiTokensPage = lazyPage(
  () => import('../features/accounts/api-tokens-page'),
  (m) => m.ApiTokensPage,
);
const RegionsPage = lazyPage(
  () => import('../features/regions/regions-page'),
  (m) => m.RegionsPage,
);
const AuditPage = lazyPage(
  () => import('../features/audit/audit-page'),
  (m) => m.AuditPage,
);

const DashboardPage = lazyPage(
  () => import('../features/harmony/dashboard-page'),
  (m) => m.DashboardPage,
);
const ObservationsPage = lazyPage(
  () => import('../features/harmony/observations-page'),
  (m) => m.ObservationsPage,
);
const ImportPage = lazyPage(
  () => import('../features/harmony/import-page'),
  (m) => m.ImportPage,
);
const MethodologyPage = lazyPage(
  () => import('../features/harmony/methodology-page'),
  (m) => m.MethodologyPage,
);
const IndicatorsPage = lazyPage(
  () => import('../features/harmony/indicators-page'),
  (m) => m.IndicatorsPage,
);
const SensitivityPage = lazyPage(
  () => import('../features/harmony/sensitivity-page'),
  (m) => m.SensitivityPage,
);
const AlertsPage = lazyPage(
  () => import('../features/harmony/alerts-page'),
  (m) => m.AlertsPage,
);

const guarded = (page: PageName, element: ReactNode) => <PermissionGuard page={page}>{element}</PermissionGuard>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={guarded('dashboard', <DashboardPage />)} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="regions" element={guarded('regions', <RegionsPage />)} />
        <Route path="users" element={guarded('users', <UsersPage />)} />
        <Route path="organizations" element={guarded('organizations', <OrganizationsPage />)} />
        <Route path="api-tokens" element={guarded('apiTokens', <ApiTokensPage />)} />
        <Route path="audit" element={guarded('audit', <AuditPage />)} />
        <Route path="account" element={guarded('account', <AccountPage />)} />
        <Route path="harmony">
          <Route index element={<Navigate to="/" replace />} />
          <Route path="observations" element={guarded('observations', <ObservationsPage />)} />
          <Route path="import" element={guarded('import', <ImportPage />)} />
          <Route path="methodology" element={guarded('methodology', <MethodologyPage />)} />
          <Route path="indicators" element={guarded('indicators', <IndicatorsPage />)} />
          <Route path="sensitivity" element={guarded('sensitivity', <SensitivityPage />)} />
          <Route path="alerts" element={guarded('alerts', <AlertsPage />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
