import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-provider';

export interface BreadcrumbRegion {
  id: string;
  name: string;
  nameEn: string;
  parent?: BreadcrumbRegion | null;
}

/** The region's ancestors, root first (the queries that show one ask for up to three of them). */
export function ancestorsOf(region: BreadcrumbRegion): BreadcrumbRegion[] {
  const chain: BreadcrumbRegion[] = [];
  for (let current = region.parent; current; current = current.parent) chain.unshift(current);
  return chain;
}

interface RegionBreadcrumbProps {
  region: BreadcrumbRegion;
  hrefFor(regionId: string): string;
  /** What the trail is, read aloud (the page's own words: "Where in the province"). */
  label: string;
  testId?: string;
}

/** Province › city › county › township: each ancestor a link to its own view, the current region last. */
export function RegionBreadcrumb({ region, hrefFor, label, testId = 'breadcrumb' }: RegionBreadcrumbProps) {
  const { regionName } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={label} data-testid={testId}>
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
