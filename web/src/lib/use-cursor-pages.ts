import { useCallback, useState } from 'react';

export interface CursorPages {
  /** The `after` argument of the page on screen (null: the first page). */
  after: string | null;
  /** 0 for the first page. */
  pageIndex: number;
  next(endCursor: string): void;
  previous(): void;
}

/**
 * Forward cursor pagination with a way back: the cursors of the pages seen so far. A new `resetKey`
 * (other filters, another order) starts again from the first page.
 */
export function useCursorPages(resetKey: string): CursorPages {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const next = useCallback((endCursor: string) => setState({ key: resetKey, cursors: [...cursors, endCursor] }), [resetKey, cursors]);
  const previous = useCallback(
    () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    [resetKey, cursors],
  );
  return { after: cursors[cursors.length - 1] ?? null, pageIndex: cursors.length - 1, next, previous };
}
