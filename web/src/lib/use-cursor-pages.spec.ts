import { describe, expect, it } from 'vitest';
import { firstPage, stepPage } from './use-cursor-pages';

describe('cursor pages', () => {
  it('goes forwards from the end of the page on screen, with first/after', () => {
    const second = stepPage(firstPage(20), 20, { next: 'end-1' });
    expect(second).toEqual({ variables: { first: 20, after: 'end-1', last: null, before: null }, pageIndex: 1 });
    expect(stepPage(second, 20, { next: 'end-2' }).pageIndex).toBe(2);
  });

  it('goes backwards from the start of the page on screen, with last/before, never below the first page', () => {
    const third = stepPage(stepPage(firstPage(20), 20, { next: 'a' }), 20, { next: 'b' });
    const second = stepPage(third, 20, { previous: 'start-3' });
    expect(second).toEqual({ variables: { first: null, after: null, last: 20, before: 'start-3' }, pageIndex: 1 });
    const first = stepPage(second, 20, { previous: 'start-2' });
    expect(first.pageIndex).toBe(0);
    expect(stepPage(first, 20, { previous: 'start-1' }).pageIndex).toBe(0);
  });

  it('starts with the first rows, no cursor', () => {
    expect(firstPage(50)).toEqual({ variables: { first: 50, after: null, last: null, before: null }, pageIndex: 0 });
  });
});
