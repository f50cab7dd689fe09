import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../app/i18n/i18n-provider';
import type { CursorPages } from './use-cursor-pages';

export type SortDirection = 'ASC' | 'DESC';

export interface SortState<Field extends string> {
  field: Field;
  direction: SortDirection;
}

export interface Column<Row, Field extends string = string> {
  id: string;
  header: string;
  cell(row: Row): ReactNode;
  /** The server's order field for this column; sortable only when set. */
  sortField?: Field;
  className?: string;
}

/** What the table needs of a Relay connection page to show the total and move between pages. */
export interface PageState {
  pages: CursorPages;
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** A connection's page state for the table: its total, and where the pages before and after it start. */
export function pageOf(
  connection: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  },
  pages: CursorPages,
): PageState {
  return { pages, totalCount: connection.totalCount, ...connection.pageInfo };
}

interface DataTableProps<Row, Field extends string> {
  caption: string;
  columns: readonly Column<Row, Field>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowTestId?: string;
  sort?: SortState<Field>;
  onSortChange?(sort: SortState<Field>): void;
  page?: PageState;
  /** A refetch is under way: the rows on screen are kept, dimmed. */
  stale?: boolean;
  emptyMessage: string;
  /** Shown under a row, across every column, when it returns something. */
  renderDetails?(row: Row): ReactNode;
}

export function DataTable<Row, Field extends string>(props: DataTableProps<Row, Field>) {
  const { t } = useI18n();
  const { caption, columns, rows, rowKey, rowTestId, sort, onSortChange, page, stale, emptyMessage, renderDetails } = props;

  const toggleSort = (field: Field) => {
    if (!onSortChange) return;
    const direction: SortDirection = sort?.field === field && sort.direction === 'ASC' ? 'DESC' : 'ASC';
    onSortChange({ field, direction });
  };

  return (
    <div className={stale ? 'table-block is-stale' : 'table-block'} aria-busy={stale || undefined}>
      {page && <p className="table-total">{t('table.total', { count: page.totalCount })}</p>}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = column.sortField !== undefined && sort?.field === column.sortField;
                const ariaSort = sorted ? (sort?.direction === 'ASC' ? 'ascending' : 'descending') : undefined;
                return (
                  <th key={column.id} scope="col" className={column.className} aria-sort={ariaSort}>
                    {column.sortField !== undefined && onSortChange ? (
                      <button type="button" className="sort-button" onClick={() => toggleSort(column.sortField as Field)}>
                        {column.header}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted ? (sort?.direction === 'ASC' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="table-empty">
                  {emptyMessage}
                </td>
              </tr>
            )}
            {rows.map((row) => {
              const details = renderDetails?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <tr data-testid={rowTestId}>
                    {columns.map((column) => (
                      <td key={column.id} className={column.className} data-label={column.header}>
                        {/* One box per cell, so that on phones the label and the value sit side by side. */}
                        <div className="cell-value">{column.cell(row)}</div>
                      </td>
                    ))}
                  </tr>
                  {details ? (
                    <tr className="details-row">
                      <td colSpan={columns.length}>{details}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {page && <Pager page={page} shown={rows.length} />}
    </div>
  );
}

/** Previous / next and the range shown, for a table's page or any list of a connection's rows (`shown` of them). */
export function Pager({ page, shown }: { page: PageState; shown: number }) {
  const { t } = useI18n();
  const { pages, totalCount, hasNextPage, hasPreviousPage, startCursor, endCursor } = page;
  // The range is counted from the first page; back at the top (nothing before), it starts at 1 again.
  const pageIndex = hasPreviousPage ? pages.pageIndex : 0;
  const first = shown === 0 ? 0 : pageIndex * pages.pageSize + 1;
  const last = pageIndex * pages.pageSize + shown;
  if (!hasPreviousPage && !hasNextPage) return null;
  return (
    <nav className="pager" aria-label={t('table.pagination')}>
      <button
        type="button"
        className="button"
        disabled={!hasPreviousPage || !startCursor}
        onClick={() => startCursor && pages.previous(startCursor)}
      >
        {t('table.previous')}
      </button>
      <span className="pager-range">{t('table.range', { first, last, total: totalCount })}</span>
      <button type="button" className="button" disabled={!hasNextPage || !endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        {t('table.next')}
      </button>
    </nav>
  );
}
