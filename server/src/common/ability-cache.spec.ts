import { describe, expect, it } from 'vitest';
import { subject } from '@casl/ability';
import { abilityFor, type Principal } from '@massline/shared';
import { AbilityCache } from './ability-cache';

type UserPrincipal = Extract<Principal, { kind: 'USER' }>;

const citizen = (id: string, citizenStatus: 'VERIFIED' | 'UNVERIFIED' = 'VERIFIED'): UserPrincipal => ({
  kind: 'USER',
  id,
  role: 'CITIZEN',
  regionId: 'r-1',
  regionPath: '/88/8801/880101/880101001/',
  organizationId: null,
  citizenStatus,
});

describe('AbilityCache', () => {
  it('builds the same rules as abilityFor, once per principal', () => {
    const cache = new AbilityCache();
    const principal = citizen('u-1');
    const ability = cache.of(principal);
    expect(ability.rules).toEqual(abilityFor(principal).rules);
    // The same facts in another object (the next request's principal): the same ability.
    expect(cache.of({ ...citizen('u-1') })).toBe(ability);
  });

  it('keys by every fact: another person, status, role, region or token scopes gets an ability of its own', () => {
    const cache = new AbilityCache();
    const base = cache.of(citizen('u-1'));
    expect(cache.of(citizen('u-2'))).not.toBe(base);
    expect(cache.of(citizen('u-1', 'UNVERIFIED'))).not.toBe(base);
    const staff: UserPrincipal = { ...citizen('u-1'), role: 'AUDITOR', citizenStatus: null };
    expect(cache.of(staff)).not.toBe(base);
    expect(cache.of({ ...staff, regionPath: '/88/' })).not.toBe(cache.of(staff));
    const token = (scopes: ('REGIONS' | 'HARMONY')[]): Principal => ({ kind: 'API_TOKEN', id: 't-1', role: 'THIRD_PARTY', scopes });
    expect(cache.of(token(['REGIONS']))).not.toBe(cache.of(token(['REGIONS', 'HARMONY'])));
    expect(cache.of({ kind: 'ANONYMOUS' })).toBe(cache.of({ kind: 'ANONYMOUS' }));
  });

  it("one person's ability never answers for another's own records", () => {
    const cache = new AbilityCache();
    const mine = cache.of(citizen('u-1'));
    const theirs = cache.of(citizen('u-2'));
    expect(mine.can('read', subject('User', { id: 'u-1' }))).toBe(true);
    expect(mine.can('read', subject('User', { id: 'u-2' }))).toBe(false);
    expect(theirs.can('read', subject('User', { id: 'u-2' }))).toBe(true);
    expect(theirs.can('read', subject('User', { id: 'u-1' }))).toBe(false);
  });

  it('keeps at most its size, letting the least recently used go', () => {
    const cache = new AbilityCache(2);
    const first = cache.of(citizen('u-1'));
    const second = cache.of(citizen('u-2'));
    expect(cache.of(citizen('u-1'))).toBe(first); // u-1 used again: u-2 is now the oldest
    cache.of(citizen('u-3'));
    expect(cache.of(citizen('u-1'))).toBe(first);
    expect(cache.of(citizen('u-2'))).not.toBe(second);
  });
});
