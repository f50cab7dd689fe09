import { subject } from '@casl/ability';
import { useMemo, useState, type CSSProperties } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useRegionsI18n } from './regions-i18n';
import { ErrorState, Loading } from '../../lib/states';
import { RegionStatisticsForm } from './region-statistics-form';
import { RegionChildrenQuery } from './region.operations';

export type RegionNodeData = ResultOf<typeof RegionChildrenQuery>['regions']['edges'][number]['node'];

interface RegionLevelListProps {
  parentId: string | null;
  depth: number;
  /** Its regions start expanded (the public's view opens at the province: its cities listed). */
  expanded?: boolean;
}

/** The children of one region (or the roots), page after page ("load more"). */
export function RegionLevelList({ parentId, depth, expanded }: RegionLevelListProps) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className="region-level">
      {cursors.map((after, index) => (
        <RegionPage
          key={after ?? 'first'}
          parentId={parentId}
          after={after}
          depth={depth}
          expanded={expanded}
          onMore={index === cursors.length - 1 ? (end) => setCursors([...cursors, end]) : undefined}
        />
      ))}
    </ul>
  );
}

interface RegionPageProps {
  parentId: string | null;
  after: string | null;
  depth: number;
  expanded?: boolean;
  /** Set on the last page loaded: asks for the next one. */
  onMore?: (endCursor: string) => void;
}

function RegionPage({ parentId, after, depth, expanded, onMore }: RegionPageProps) {
  const { t } = useRegionsI18n();
  // Refetched when statistics are set anywhere (the mutation answers with a RegionStatistics).
  const context = useMemo(() => ({ additionalTypenames: ['Region', 'RegionStatistics'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RegionChildrenQuery, variables: { parentId, after }, context });
  const indent = { '--depth': depth } as CSSProperties;

  if (!data && fetching) {
    return (
      <li style={indent} className="region-note">
        <Loading />
      </li>
    );
  }
  if (!data) {
    return (
      <li style={indent} className="region-note">
        {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      </li>
    );
  }
  const { edges, pageInfo } = data.regions;
  return (
    <>
      {edges.length === 0 && after === null && (
        <li style={indent} className="region-note">
          {t('regions.none')}
        </li>
      )}
      {edges.map(({ node }) => (
        <RegionNode key={node.id} region={node} depth={depth} initiallyExpanded={expanded} />
      ))}
      {onMore && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li style={indent} className="region-note">
          <button type="button" className="button" onClick={() => pageInfo.endCursor && onMore(pageInfo.endCursor)}>
            {t('table.loadMore')}
          </button>
        </li>
      )}
    </>
  );
}

interface RegionNodeProps {
  region: RegionNodeData;
  depth: number;
  /** Shown with its children listed at first (the user's own jurisdiction, the public's province). */
  initiallyExpanded?: boolean;
}

/** One region's row, its statistics form, and (expanded) the regions under it. */
export function RegionNode({ region, depth, initiallyExpanded = false }: RegionNodeProps) {
  const { t, regionName, formatNumber } = useRegionsI18n();
  const ability = useAppAbility();
  const hasChildren = region.level !== 'TOWNSHIP';
  const [expanded, setExpanded] = useState(initiallyExpanded && hasChildren);
  const [editing, setEditing] = useState(false);
  const latest = region.statistics.at(-1);
  const canSetStatistics = ability.can('update', subject('Region', { path: region.path }));

  return (
    <li className="region-item" data-testid="region-node">
      <div className="region-row" style={{ '--depth': depth } as CSSProperties}>
        <span className="region-name">
          {hasChildren ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={expanded}
              aria-label={t(expanded ? 'regions.collapse' : 'regions.expand', { name: regionName(region) })}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="tree-toggle" aria-hidden="true" />
          )}
          <span>{regionName(region)}</span>
        </span>
        <span className="mono" data-label={t('regions.code')}>
          {region.code}
        </span>
        <span data-label={t('regions.level')}>{t(`level.${region.level}`)}</span>
        <span className="numeric" data-label={t('regions.population')}>
          {formatNumber(latest?.population)}
        </span>
        <span className="numeric" data-label={t('regions.households')}>
          {formatNumber(latest?.households)}
        </span>
        <span data-label={t('regions.period')}>{latest?.period ?? '—'}</span>
        <span className="row-actions">
          {canSetStatistics && (
            <button
              type="button"
              className="button button-small"
              aria-expanded={editing}
              data-testid="region-set-statistics"
              onClick={() => setEditing(!editing)}
            >
              {t('regions.setStatistics')}
            </button>
          )}
        </span>
      </div>
      {editing && (
        <div className="region-form" style={{ '--depth': depth } as CSSProperties}>
          <RegionStatisticsForm region={region} current={latest} onDone={() => setEditing(false)} />
        </div>
      )}
      {expanded && <RegionLevelList parentId={region.id} depth={depth + 1} />}
    </li>
  );
}
