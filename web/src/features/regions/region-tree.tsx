import { subject } from '@casl/ability';
import { useMemo, useState, type CSSProperties } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useRegionsI18n } from './regions-i18n';
import { ErrorState, Loading } from '../../lib/states';
import { RegionStatisticsForm } from './region-statistics-form';
import { RegionChildrenQuery } from './region.operations';

type RegionNodeData = ResultOf<typeof RegionChildrenQuery>['regions']['edges'][number]['node'];

/** The children of one region (or the roots), page after page ("load more"). */
export function RegionLevelList({ parentId, depth }: { parentId: string | null; depth: number }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className="region-level">
      {cursors.map((after, index) => (
        <RegionPage
          key={after ?? 'first'}
          parentId={parentId}
          after={after}
          depth={depth}
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
  /** Set on the last page loaded: asks for the next one. */
  onMore?: (endCursor: string) => void;
}

function RegionPage({ parentId, after, depth, onMore }: RegionPageProps) {
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
        <RegionNode key={node.id} region={node} depth={depth} />
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

function RegionNode({ region, depth }: { region: RegionNodeData; depth: number }) {
  const { t, regionName, formatNumber } = useRegionsI18n();
  const ability = useAppAbility();
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const latest = region.statistics.at(-1);
  const hasChildren = region.level !== 'TOWNSHIP';
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
