import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session-provider';
import { RegionBreadcrumb } from '../../lib/region-breadcrumb';
import { ErrorState, Loading } from '../../lib/states';
import { useRegionsI18n } from './regions-i18n';
import { RegionFocusQuery } from './region.operations';
import { RegionLevelList, RegionNode } from './region-tree';

/** The tree opened at a region. */
export const regionsHref = (regionId: string) => `/regions?region=${encodeURIComponent(regionId)}`;

/**
 * The region tree, public: province > city > county > township, loaded one level at a time. It opens where
 * the reader works: an organization's or an auditor's jurisdiction, a citizen's residence, expanded, with
 * its ancestors as a trail above it (each one opens the tree there); for the public, the province.
 */
export function RegionsPage() {
  const { t } = useRegionsI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  // Where the tree opens: the address's region, else the signed-in user's own region, else the root.
  const focusId = params.get('region') ?? user?.region.id ?? null;
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('regions.title')}</h1>
        <p className="page-intro">{t('regions.intro')}</p>
      </header>
      {focusId ? <FocusedTree key={focusId} regionId={focusId} /> : <Tree />}
    </section>
  );
}

/** The tree's frame: the column heads, then its rows. */
function Tree({ children }: { children?: ReactNode }) {
  const { t } = useRegionsI18n();
  return (
    <div className="region-tree" data-testid="region-tree">
      <div className="region-row region-row-head" aria-hidden="true">
        <span>{t('regions.name')}</span>
        <span>{t('regions.code')}</span>
        <span>{t('regions.level')}</span>
        <span className="numeric">{t('regions.population')}</span>
        <span className="numeric">{t('regions.households')}</span>
        <span>{t('regions.period')}</span>
        <span />
      </div>
      {children ?? <RegionLevelList parentId={null} depth={0} expanded />}
    </div>
  );
}

function FocusedTree({ regionId }: { regionId: string }) {
  const { t } = useRegionsI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RegionFocusQuery, variables: { id: regionId } });
  if (!data && fetching) return <Loading />;
  if (error && !data?.region) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const region = data?.region;
  if (!region) return <Tree />;
  return (
    <>
      {region.parent && <RegionBreadcrumb region={region} hrefFor={regionsHref} label={t('regions.trail')} testId="regions-trail" />}
      <Tree>
        <ul className="region-level">
          <RegionNode region={region} depth={0} initiallyExpanded />
        </ul>
      </Tree>
    </>
  );
}
