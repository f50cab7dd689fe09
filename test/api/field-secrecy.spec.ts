import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subject } from '@casl/ability';
import { abilityFor, type Principal } from '@massline/shared';
import { startTestServer, type TestServer } from '../support/test-server';

/** A password hash, a token's secret and a session id are never readable, by anyone, in any way. */
describe('field secrecy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('no type of the schema has a field for them', () => {
    const { schema } = server.app.schema;
    const forbidden = /password|secretHash|idHash|sessionId|hash$/i;
    // The ledger's hashes are public commitments, published so that anyone can check the records: not secrets.
    const commitments = new Set(['LedgerEntryView', 'SignedTreeHead']);
    const leaks: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Output types only (object types have interfaces; inputs such as SignInInput.password are fine). A
      // mutation is an operation, not a field of data (changePassword): what it answers is a type checked here.
      if (type.name.startsWith('__') || !('getInterfaces' in type) || type === schema.getMutationType() || commitments.has(type.name))
        continue;
      for (const field of Object.keys(type.getFields())) if (forbidden.test(field)) leaks.push(`${type.name}.${field}`);
    }
    expect(leaks).toEqual([]);
  });

  it('asking for them is a validation error, even for the root organization', async () => {
    const root = await server.as('orgRoot');
    for (const query of [
      '{ users(first: 1) { edges { node { passwordHash } } } }',
      '{ apiTokens(first: 1) { edges { node { secretHash } } } }',
    ]) {
      const answer = await root.request(query);
      expect(answer.status).toBe(400);
      expect(answer.errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('the shared rules deny them to every role', () => {
    const principals: Principal[] = [
      { kind: 'USER', id: 'u', role: 'ORGANIZATION', regionId: 'r', regionPath: '/88/', organizationId: 'o', citizenStatus: null },
      { kind: 'USER', id: 'u', role: 'AUDITOR', regionId: 'r', regionPath: '/88/', organizationId: null, citizenStatus: null },
      { kind: 'USER', id: 'u', role: 'CITIZEN', regionId: 'r', regionPath: '/88/', organizationId: null, citizenStatus: 'VERIFIED' },
    ];
    for (const principal of principals) {
      const ability = abilityFor(principal);
      const user = subject('User', { id: 'u', region: { path: '/88/' } });
      expect(ability.can('read', user)).toBe(true);
      expect(ability.can('read', user, 'passwordHash')).toBe(false);
      expect(ability.can('read', subject('ApiToken', { region: { path: '/88/' } }), 'secretHash')).toBe(false);
    }
  });

  it('no answer carries a hash or a secret: sign-in, me, lists', async () => {
    const root = await server.as('orgRoot');
    const answer = await root.request(
      '{ me { user { id email } rules } users(first: 100) { edges { node { id email role } } } apiTokens(first: 100) { edges { node { id name prefix scopes } } } mySessions(first: 100) { edges { node { id createdAt lastSeenAt expiresAt device current } } } }',
    );
    expect(answer.errors).toEqual([]);
    expect(JSON.stringify(answer.data?.mySessions)).toContain('"current":true');
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});
