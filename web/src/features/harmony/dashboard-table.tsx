import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { DataTable, type Column, type SortState } from '../../lib/data-table';
import type { DashboardViewQuery } from './dashboard.operations';
import { ChangeMark, GradeBadge, PendingRevisionBadge, UnpublishedBadge } from './harmony-badges';
import { formatIndex, formatShare } from './harmony-format';

type DashboardView = ResultOf<typeof DashboardViewQuery>;
export type AssessmentRow = DashboardView['children']['edges'][number]['node'];
export type AssessmentOrderField = VariablesOf<typeof DashboardViewQuery>['orderBy']['field'];

interface DashboardTableProps {
  rows: readonly AssessmentRow[];
  totalCount: number;
  caption: string;
  sort: SortState<AssessmentOrderField>;
  onSortChange(sort: SortState<AssessmentOrderField>): void;
  stale: boolean;
  hrefFor(regionId: string): string;
}

/**
 * The regions under the one on screen, one row each. The name is a link to that region's own view
 * (its children); a click anywhere else on the row follows the same link.
 */
export function DashboardTable({ rows, totalCount, caption, sort, onSortChange, stale, hrefFor }: DashboardTableProps) {
  const { t, locale, regionName } = useHarmonyI18n();

  const columns: Column<AssessmentRow, AssessmentOrderField>[] = [
    {
      id: 'region',
      header: t('harmony.region'),
      sortField: 'REGION_CODE',
      cell: (row) => (
        <span className="region-cell">
          <Link to={hrefFor(row.region.id)} data-drill="" className="drill-link">
            {regionName(row.region)}
          </Link>
          <small className="muted mono">{row.region.code}</small>
          {!row.published && <UnpublishedBadge />}
          {row.pendingRevision && (
            <PendingRevisionBadge published={t('harmony.publishedFigure', { index: formatIndex(locale, row.release?.index) })} />
          )}
        </span>
      ),
    },
    { id: 'index', header: t('harmony.index'), sortField: 'INDEX', className: 'numeric', cell: (row) => formatIndex(locale, row.index) },
    { id: 'grade', header: t('harmony.grade'), cell: (row) => <GradeBadge grade={row.grade} /> },
    {
      id: 'change',
      header: t('harmony.changeLabel'),
      sortField: 'CHANGE',
      className: 'numeric',
      cell: (row) => <ChangeMark change={row.change} />,
    },
    {
      id: 'rank',
      header: t('harmony.rank'),
      sortField: 'RANK',
      className: 'numeric',
      cell: (row) => (row.rank === null ? '—' : `${row.rank} / ${row.siblingCount ?? '—'}`),
    },
    {
      id: 'coverage',
      header: t('harmony.coverage'),
      cell: (row) => (
        <span className="coverage-cell">
          {formatShare(locale, row.coverage)}
          {row.complete ? (
            <span className="badge badge-active">{t('harmony.complete')}</span>
          ) : (
            <span className="badge badge-unverified">{t('harmony.incomplete')}</span>
          )}
          {row.method === 'ROLLED_UP' && <small className="muted">{t('harmony.assessmentMethod.ROLLED_UP')}</small>}
        </span>
      ),
    },
  ];

  // A click on the row (not on a control inside it) follows the row's link: the whole row is the target.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, select, summary, label')) return;
    target.closest('tr')?.querySelector<HTMLAnchorElement>('a[data-drill]')?.click();
  };

  return (
    // No key handler here on purpose: keyboard users reach the same place through the row's link.
    <div className="assessment-table" onClick={onClick}>
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        rowTestId="assessment-row"
        sort={sort}
        onSortChange={onSortChange}
        stale={stale}
        emptyMessage={t('harmony.noChildren')}
      />
      {totalCount > rows.length && <p className="muted">{t('harmony.moreRegions', { shown: rows.length, total: totalCount })}</p>}
    </div>
  );
}
