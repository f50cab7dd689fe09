import { describe, expect, it } from 'vitest';
import { landingPath, signInPath } from '../../app/landing';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('returns to a path of this console', () => {
    expect(safeNext('/harmony/alerts?status=OPEN')).toBe('/harmony/alerts?status=OPEN');
    expect(safeNext('/?region=abc&period=2026-Q3')).toBe('/?region=abc&period=2026-Q3');
  });

  it('never leaves for another site, whatever the address says', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      '/\t/evil.example',
      '/\n/evil.example',
      '///evil.example',
      '/%2F/evil.example/..',
      'evil.example',
    ]) {
      const target = safeNext(next, '/landing');
      expect(new URL(target, 'https://console.example').origin, next).toBe('https://console.example');
    }
    expect(safeNext('//evil.example', '/landing')).toBe('/landing');
    expect(safeNext('/\t/evil.example', '/landing')).toBe('/landing');
    expect(safeNext(null)).toBe('/');
  });

  it('does not send back to the sign-in or registration page', () => {
    expect(safeNext('/sign-in?next=/users', '/landing')).toBe('/landing');
    expect(safeNext('/register', '/landing')).toBe('/landing');
  });
});

describe('landing', () => {
  it('starts a user on their own region, a visitor on the public dashboard', () => {
    expect(landingPath({ region: { id: 'r-1' } })).toBe('/?region=r-1');
    expect(landingPath(null)).toBe('/');
  });

  it('asks the sign-in page to come back, but not to itself', () => {
    expect(signInPath('/harmony/alerts?status=OPEN')).toBe('/sign-in?next=%2Fharmony%2Falerts%3Fstatus%3DOPEN');
    expect(safeNext(new URLSearchParams(signInPath('/harmony/alerts?status=OPEN').split('?')[1]).get('next'))).toBe(
      '/harmony/alerts?status=OPEN',
    );
    expect(signInPath('/sign-in?next=/users')).toBe('/sign-in');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
