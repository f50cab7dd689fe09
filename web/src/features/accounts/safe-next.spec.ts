import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('returns to a path of this console', () => {
    expect(safeNext('/harmony/alerts?status=OPEN')).toBe('/harmony/alerts?status=OPEN');
  });

  it('never leaves for another site, whatever the address says', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '']) {
      expect(safeNext(next), next).toBe('/regions');
    }
    expect(safeNext(null, '/')).toBe('/');
  });

  it('does not send back to the sign-in or registration page', () => {
    expect(safeNext('/sign-in?next=/users')).toBe('/regions');
    expect(safeNext('/register')).toBe('/regions');
  });
});
