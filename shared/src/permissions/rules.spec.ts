import { describe, expect, it } from 'vitest';
import { subject } from '@casl/ability';
import { abilityFor, createAbility, defineRulesFor } from './rules';
import type { Principal } from './vocabulary';

const user = (role: 'ORGANIZATION' | 'AUDITOR' | 'CITIZEN', regionPath: string, id = 'me'): Principal => ({
  kind: 'USER',
  id,
  role,
  regionId: 'r',
  regionPath,
  organizationId: role === 'ORGANIZATION' ? 'o' : null,
  citizenStatus: role === 'CITIZEN' ? 'VERIFIED' : null,
});
const DONGSHAN = '/88/8801/880101/';
const inDongshan = (type: 'User' | 'ApiToken' | 'Organization') => subject(type, { id: 'x', region: { path: `${DONGSHAN}880101001/` } });
const inXihe = (type: 'User' | 'ApiToken' | 'Organization') => subject(type, { id: 'x', region: { path: '/88/8801/880102/' } });

describe('permission rules', () => {
  it('an organization manages its whole subtree and nothing beside it', () => {
    const ability = abilityFor(user('ORGANIZATION', DONGSHAN));
    for (const type of ['User', 'ApiToken', 'Organization'] as const) {
      expect(ability.can('manage', inDongshan(type))).toBe(true);
      expect(ability.can('deactivate', inXihe(type))).toBe(false);
      expect(ability.can('create', inXihe(type))).toBe(false);
    }
    // Organizations are public (a granting body is named in the open); users and tokens are not.
    expect(ability.can('read', inXihe('Organization'))).toBe(true);
    expect(ability.can('read', inXihe('User'))).toBe(false);
    expect(ability.can('read', inXihe('ApiToken'))).toBe(false);
    expect(ability.can('update', subject('Region', { path: DONGSHAN }))).toBe(true);
    expect(ability.can('update', subject('Region', { path: '/88/8801/' }))).toBe(false);
    expect(ability.can('read', subject('AuditEntry', { regionPath: `${DONGSHAN}880101001/` }))).toBe(true);
    expect(ability.can('read', subject('AuditEntry', { regionPath: '/88/' }))).toBe(false);
  });

  it('the root organization administers everything, yet cannot rewrite the audit log', () => {
    const ability = abilityFor(user('ORGANIZATION', '/88/'));
    expect(ability.can('deactivate', inXihe('User'))).toBe(true);
    expect(ability.can('read', subject('AuditEntry', { regionPath: '/88/8804/' }))).toBe(true);
    expect(ability.can('update', subject('AuditEntry', { regionPath: '/88/' }))).toBe(false);
    expect(ability.can('create', 'AuditEntry')).toBe(false);
  });

  it('an auditor reads the jurisdiction and changes nothing, ever', () => {
    const ability = abilityFor(user('AUDITOR', '/88/8801/'));
    expect(ability.can('read', inDongshan('User'))).toBe(true);
    expect(ability.can('read', inDongshan('ApiToken'))).toBe(true);
    for (const action of ['create', 'update', 'deactivate', 'verify', 'revoke', 'manage'] as const) {
      for (const type of ['User', 'ApiToken', 'Organization', 'Region', 'AuditEntry'] as const) {
        expect(ability.can(action, type), `${action} ${type}`).toBe(false);
      }
    }
  });

  it('a citizen reads public data and their own account only', () => {
    const ability = abilityFor(user('CITIZEN', `${DONGSHAN}880101001/`, 'c1'));
    expect(ability.can('read', 'Region')).toBe(true);
    expect(ability.can('read', subject('User', { id: 'c1', region: { path: DONGSHAN } }))).toBe(true);
    expect(ability.can('read', subject('User', { id: 'c2', region: { path: DONGSHAN } }))).toBe(false);
    expect(ability.can('read', 'ApiToken')).toBe(false);
    expect(ability.can('read', 'AuditEntry')).toBe(false);
  });

  it('an API token reads the public subjects of its scopes only; anonymous reads public data', () => {
    const token = abilityFor({ kind: 'API_TOKEN', id: 't', role: 'THIRD_PARTY', scopes: ['REGIONS'] });
    expect(token.can('read', 'Region')).toBe(true);
    expect(token.can('read', 'User')).toBe(false);
    const unscoped = abilityFor({ kind: 'API_TOKEN', id: 't', role: 'THIRD_PARTY', scopes: [] });
    expect(unscoped.can('read', 'Region')).toBe(false);
    const anonymous = abilityFor({ kind: 'ANONYMOUS' });
    expect(anonymous.can('read', 'Organization')).toBe(true);
    expect(anonymous.can('read', 'User')).toBe(false);
  });

  it('rules survive JSON, as the console receives them', () => {
    const rules = defineRulesFor(user('ORGANIZATION', DONGSHAN));
    const ability = createAbility(JSON.parse(JSON.stringify(rules)));
    expect(ability.can('manage', inDongshan('User'))).toBe(true);
    expect(ability.can('manage', inXihe('User'))).toBe(false);
  });
});

describe('the rules of each kind of principal', () => {
  it('are exactly these, as the console receives them', () => {
    const principals: Record<string, Principal> = {
      anonymous: { kind: 'ANONYMOUS' },
      'token REGIONS': { kind: 'API_TOKEN', id: 't', role: 'THIRD_PARTY', scopes: ['REGIONS'] },
      'token REGIONS HARMONY': { kind: 'API_TOKEN', id: 't', role: 'THIRD_PARTY', scopes: ['REGIONS', 'HARMONY'] },
      'root organization': user('ORGANIZATION', '/88/'),
      'county organization': user('ORGANIZATION', DONGSHAN),
      auditor: user('AUDITOR', '/88/8801/'),
      citizen: user('CITIZEN', `${DONGSHAN}880101001/`, 'c1'),
    };
    const rules = Object.entries(principals).map(([name, principal]) => `${name}: ${JSON.stringify(defineRulesFor(principal))}`);
    expect(rules.join('\n')).toMatchSnapshot();
  });
});
