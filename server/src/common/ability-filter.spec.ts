import { describe, expect, it } from 'vitest';
import { abilityFor, createAbility, type Principal } from '@massline/shared';
import { abilityFilter, conditionsToFilter, scoped } from './ability-filter';

const county: Principal = {
  kind: 'USER',
  id: 'u1',
  role: 'ORGANIZATION',
  regionId: 'r',
  regionPath: '/88/8801/880101/',
  organizationId: 'o',
  citizenStatus: null,
};
const citizen: Principal = {
  kind: 'USER',
  id: 'c1',
  role: 'CITIZEN',
  regionId: 'r',
  regionPath: '/88/8801/880101/880101001/',
  organizationId: null,
  citizenStatus: 'VERIFIED',
};

describe('CASL rules → SQL filter', () => {
  it('turns a subtree rule into an index-friendly LIKE on the joined region', () => {
    expect(abilityFilter(abilityFor(county), 'read', 'User')).toEqual({
      $or: [{ region: { path: { $like: '/88/8801/880101/%' } } }, { id: 'u1' }],
    });
    expect(abilityFilter(abilityFor(county), 'read', 'AuditEntry')).toEqual({ regionPath: { $like: '/88/8801/880101/%' } });
  });

  it('answers null when nothing is allowed, and {} when everything is', () => {
    expect(abilityFilter(abilityFor(citizen), 'read', 'AuditEntry')).toBeNull();
    expect(abilityFilter(abilityFor({ kind: 'ANONYMOUS' }), 'read', 'User')).toBeNull();
    expect(abilityFilter(abilityFor({ kind: 'ANONYMOUS' }), 'read', 'Region')).toEqual({});
  });

  it('narrows a citizen to their own record', () => {
    expect(abilityFilter(abilityFor(citizen), 'read', 'User')).toEqual({ id: 'c1' });
  });

  it('puts inverted rules in as NOT, after the rule they restrict', () => {
    const ability = createAbility([
      { action: 'read', subject: 'User', conditions: { 'region.path': { $regex: '^/88/' } } },
      { action: 'read', subject: 'User', conditions: { active: false }, inverted: true },
    ]);
    expect(abilityFilter(ability, 'read', 'User')).toEqual({
      $and: [{ region: { path: { $like: '/88/%' } } }, { $not: { active: false } }],
    });
  });

  it('escapes LIKE wildcards in a literal prefix', () => {
    expect(conditionsToFilter({ path: { $regex: '^/a_b%c/' } })).toEqual({ path: { $like: '/a\\_b\\%c/%' } });
  });

  it('refuses what it cannot translate faithfully, rather than ignoring it', () => {
    expect(() => conditionsToFilter({ path: { $regex: 'anywhere' } })).toThrow(/anchored/);
    expect(() => conditionsToFilter({ tags: { $elemMatch: { a: 1 } } })).toThrow(/\$elemMatch/);
  });

  it('combines the permission filter with the filter the user asked for', () => {
    expect(scoped(abilityFor(citizen), 'read', 'User', { role: 'CITIZEN' })).toEqual({ $and: [{ id: 'c1' }, { role: 'CITIZEN' }] });
    expect(scoped(abilityFor({ kind: 'ANONYMOUS' }), 'read', 'Region', { level: 'CITY' })).toEqual({ level: 'CITY' });
    expect(scoped(abilityFor(citizen), 'read', 'ApiToken', { name: 'x' })).toBeNull();
  });
});
