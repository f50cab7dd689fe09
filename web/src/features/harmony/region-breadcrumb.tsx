import { Link } from 'react-router';
import { useHarmonyI18n } from './harmony-i18n';

export interface BreadcrumbRegion {
  id: string;
  name: string;
  nameEn: string;
  parent?: BreadcrumbRegion | null;
}

/** The region's ancestors, root first (the view query asks for up to three of them). */
export function ancestorsOf(region: BreadcrumbRegion): BreadcrumbRegion[] {
  const chain: BreadcrumbRegion[] = [];
  for (let current = region.parent; current; current = current.parent) chain.unshift(current);
  return chain;
}

/** Province › city › county › township: each ancestor a link to its own view, the current region last. */
export function RegionBreadcrumb({ region, hrefFor }: { region: BreadcrumbRegion; hrefFor(regionId: string): string }) {
  const { t, regionName } = useHarmonyI18n();
  return (
    <nav className="breadcrumb" aria-label={t('harmony.breadcrumb')} data-testid="breadcrumb">
      <ol>
        {ancestorsOf(region).map((ancestor) => (
          <li key={ancestor.id}>
            <Link to={hrefFor(ancestor.id)}>{regionName(ancestor)}</Link>
          </li>
        ))}
        <li aria-current="page">{regionName(region)}</li>
      </ol>
    </nav>
  );
}
