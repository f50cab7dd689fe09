import { useCallback, useState } from 'react';

/** The connection arguments of a page: the first rows after a cursor, or the last rows before one. */
export interface PageVariables {
  first: number | null;
  after: string | null;
  last: number | null;
  before: string | null;
}

/** Where the pager is: the page's arguments, and how many pages from the first it is (for the range shown). */
export interface PagePosition {
  variables: PageVariables;
  /** 0 for the first page. */
  pageIndex: number;
}

export interface CursorPages extends PagePosition {
  pageSize: number;
  /** The page after the one on screen: the rows after its endCursor. */
  next(endCursor: string): void;
  /** The page before the one on screen: the rows before its startCursor (read backwards, with `last`). */
  previous(startCursor: string): void;
}

/** The first page of a list. */
export const firstPage = (pageSize: number): PagePosition => ({
  variables: { first: pageSize, after: null, last: null, before: null },
  pageIndex: 0,
});

/**
 * One step of the pager. Pages are keyset cursors: forwards from the end of the page on screen, backwards
 * from its start — nothing to remember of the pages seen, and rows written meanwhile neither repeat nor
 * go missing.
 */
export function stepPage(position: PagePosition, pageSize: number, step: { next: string } | { previous: string }): PagePosition {
  if ('next' in step) {
    return { variables: { first: pageSize, after: step.next, last: null, before: null }, pageIndex: position.pageIndex + 1 };
  }
  return { variables: { first: null, after: null, last: pageSize, before: step.previous }, pageIndex: Math.max(0, position.pageIndex - 1) };
}

/**
 * Cursor pagination both ways. A new `resetKey` (other filters, another order) starts again from the
 * first page.
 */
export function useCursorPages(resetKey: string, pageSize: number): CursorPages {
  const [state, setState] = useState<{ key: string; position: PagePosition }>({ key: resetKey, position: firstPage(pageSize) });
  const position = state.key === resetKey ? state.position : firstPage(pageSize);
  const next = useCallback(
    (endCursor: string) => setState({ key: resetKey, position: stepPage(position, pageSize, { next: endCursor }) }),
    [resetKey, position, pageSize],
  );
  const previous = useCallback(
    (startCursor: string) => setState({ key: resetKey, position: stepPage(position, pageSize, { previous: startCursor }) }),
    [resetKey, position, pageSize],
  );
  return { ...position, pageSize, next, previous };
}
