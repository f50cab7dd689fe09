import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * One input layer for every operation: text composed (NFC) and trimmed, control characters, direction
 * overrides and broken Unicode refused, numbers finite — each a coded BAD_USER_INPUT, never a 500 and
 * never a row written.
 */
describe('clean inputs', () => {
  let server: TestServer;
  let root: ApiClient;
  let county: ApiClient;
  let ids: Map<string, string>;
  const CREATE_ORGANIZATION = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }';
  const RECORD = 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id value rawCount rawTotal revision } }';
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await server.ownerOrm.em.fork().getConnection().execute<{ n: string }[]>(sql, params))[0].n);

  beforeAll(async () => {
    server = await startTestServer();
    root = await server.as('orgRoot');
    county = await server.as('orgIn');
    const rows = await server.ownerOrm.em.fork().getConnection().execute<{ id: string; code: string }[]>('select id, code from region');
    ids = new Map(rows.map((row) => [row.code, row.id]));
  });
  afterAll(() => server?.close());

  it.each([
    ['a NUL byte', 'Committee\u0000'],
    ['a bell', 'Committee\u0007'],
    ['a right-to-left override', 'Committee \u202Eeerf'],
    ['a lone surrogate', 'Committee \uD800'],
    ['only white space', '   \t '],
  ])('refuses a name with %s, coded, with nothing written', async (_what, name) => {
    const before = await count('select count(*) as n from organization');
    const answer = await root.request(CREATE_ORGANIZATION, { input: { name, regionId: ids.get('880101001') } });
    expect(answer.status).toBe(200);
    expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(answer.errors[0].extensions?.fields).toHaveProperty('name');
    expect(await count('select count(*) as n from organization')).toBe(before);
  });

  it('stores text composed and trimmed: a name typed two ways is one name', async () => {
    const { createOrganization } = await root.ok<{ createOrganization: { name: string } }>(CREATE_ORGANIZATION, {
      input: { name: '  Cafe\u0301 Committee  ', regionId: ids.get('880101001') },
    });
    expect(createOrganization.name).toBe('Café Committee');
    expect(createOrganization.name.normalize('NFC')).toBe(createOrganization.name);
  });

  it('refuses non-finite numbers written as literals (1e400 is Infinity to graphql-js)', async () => {
    const answer = await county.request(
      `mutation ($region: ID!) { recordObservation(input: { regionId: $region, period: "2026-Q3", indicatorCode: "HOT_ISSUES", rawCount: 5, rawTotal: 1e400 }) { id } }`,
      { region: ids.get('880101001') },
    );
    expect(answer.status).toBe(200);
    expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
  });

  it.each([
    ['negative', -10],
    ['zero', 0],
    ['fractional', 10.5],
  ])('refuses a %s raw total', async (_what, rawTotal) => {
    const answer = await county.request(RECORD, {
      input: { regionId: ids.get('880101001'), period: '2026-Q3', indicatorCode: 'HOT_ISSUES', rawCount: 5, rawTotal },
    });
    expect(answer.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0].message).toMatch(/raw total/);
  });

  it('reads CSV numbers as decimals only: 0x1F, Infinity and 1e400 are refused with their line', async () => {
    const header = 'region_code,period,indicator,value,raw_count,raw_total,source';
    const csv = [
      header,
      '880101001,2026-Q3,CADRE_TRUST,0x1F,,,',
      '880101001,2026-Q3,HOT_ISSUES,Infinity,,,',
      '880101001,2026-Q3,GINI,1e400,,,',
      '880101001,2026-Q3,PETITIONS,12,,,',
    ].join('\n');
    const { importObservations } = await county.ok<{ importObservations: { accepted: boolean; errors: { line: number }[] } }>(
      'mutation ($csv: String!) { importObservations(csv: $csv) { accepted errors { line reason } } }',
      { csv },
    );
    expect(importObservations.accepted).toBe(false);
    expect(importObservations.errors.map((error) => error.line)).toEqual([2, 3, 4]);
  });

  it.each(['pr\u043Evince@massline.demo', 'usér@massline.test', '用户@例子.中国'])(
    'refuses the look-alike or non-ASCII e-mail %s',
    async (email) => {
      const answer = await server.client().request('mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }', {
        input: { email, password: 'a long enough password', displayName: 'Someone', regionId: ids.get('880101001') },
      });
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(answer.errors[0].extensions?.fields).toHaveProperty('email');
    },
  );

  it('keeps a password exactly as typed (white space included)', async () => {
    const email = 'spaces@massline.test';
    await server.client().ok('mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }', {
      input: { email, password: '  padded password  ', displayName: 'Spaces', regionId: ids.get('880101001') },
    });
    const wrong = await server.client().request('mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email, password: 'padded password' },
    });
    expect(wrong.errors[0].extensions?.code).toBe('UNAUTHENTICATED');
    const right = await server.client().request('mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email, password: '  padded password  ' },
    });
    expect(right.errors).toEqual([]);
  });
});
