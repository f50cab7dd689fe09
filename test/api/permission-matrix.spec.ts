import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCode } from '../support/api-client';
import { ACTOR_EMAILS, startTestServer, type TestServer } from '../support/test-server';
import { ACCOUNTS_MATRIX } from './permissions/accounts.matrix';
import { AUDIT_MATRIX } from './permissions/audit.matrix';
import { APPRAISAL_MATRIX } from './permissions/appraisal.matrix';
import { CADRES_MATRIX } from './permissions/cadres.matrix';
import { EVALUATION_MATRIX } from './permissions/evaluation.matrix';
import { GRANTS_MATRIX } from './permissions/grants.matrix';
import { REVIEWS_MATRIX } from './permissions/reviews.matrix';
import { HARMONY_MATRIX } from './permissions/harmony.matrix';
import { LEDGER_MATRIX } from './permissions/ledger.matrix';
import { NODE_MATRIX } from './permissions/node.matrix';
import { NOTIFICATIONS_MATRIX } from './permissions/notifications.matrix';
import { ACTORS, unique, uuid, type Fixtures, type MatrixActor, type MatrixRows } from './permissions/matrix';
import { REGIONS_MATRIX } from './permissions/regions.matrix';

/**
 * Every operation of the schema, tried by every kind of caller. An operation missing from the table
 * fails the suite: a new query or mutation cannot ship without saying who may call it.
 * Each module's rows are in ./permissions/<module>.matrix.ts; this is the one list of them.
 */
const MODULE_MATRICES: Record<string, MatrixRows> = {
  regions: REGIONS_MATRIX,
  accounts: ACCOUNTS_MATRIX,
  audit: AUDIT_MATRIX,
  harmony: HARMONY_MATRIX,
  cadres: CADRES_MATRIX,
  notifications: NOTIFICATIONS_MATRIX,
  appraisal: APPRAISAL_MATRIX,
  evaluation: EVALUATION_MATRIX,
  ledger: LEDGER_MATRIX,
  grants: GRANTS_MATRIX,
  reviews: REVIEWS_MATRIX,
  // node/nodes belong to no module: they fold over every module's lookups.
  node: NODE_MATRIX,
};

const PERMISSION_MATRIX: MatrixRows = Object.assign({}, ...Object.values(MODULE_MATRICES));

describe('permission matrix', () => {
  let server: TestServer;
  const clients = new Map<MatrixActor, ApiClient>();
  let fixtures: Fixtures;

  beforeAll(async () => {
    // Every operation for every actor, from one address in a minute or two: past the per-address and
    // per-token request limits, which are rate limits' own tests (request-limits.spec.ts), not permissions.
    server = await startTestServer({ requestsPerAddressPerMinute: 1_000_000, apiTokenRequestsPerMinute: 1_000_000 });
    for (const actor of ACTORS) clients.set(actor, await server.as(actor));
    const orgIn = clients.get('orgIn')!;
    const { regions } = await orgIn.ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
      '{ regions(first: 10, filter: { search: "880101" }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code } } } }',
    );
    const byCode = new Map(regions.edges.map((e) => [e.node.code, e.node.id]));
    fixtures = {
      server,
      orgIn,
      orgRoot: clients.get('orgRoot')!,
      dongshanId: byCode.get('880101')!,
      dongshanTownshipId: byCode.get('880101001')!,
      inScopeUserId: await server.createUser({ email: 'in-scope@massline.test', role: 'CITIZEN', regionCode: '880101001' }),
      createOrganization: async () => {
        const { createOrganization } = await orgIn.ok<{ createOrganization: { id: string } }>(
          'mutation ($r: ID!, $n: String!) { createOrganization(input: { name: $n, regionId: $r }) { id } }',
          { r: byCode.get('880101001'), n: `Committee ${unique()}` },
        );
        return createOrganization.id;
      },
      openAlert: async () => {
        const id = uuid();
        await server.orm.em
          .fork()
          .getConnection()
          .execute(
            `insert into alert (id, methodology_version_id, region_id, period, kind, indicator_code, details)
           select ?, v.id, r.id, '2026-Q3', 'RED_LINE', ?, '{}'::jsonb from methodology_version v, region r where v.active and r.code = '880101001'`,
            [id, `T${unique()}`],
          );
        return id;
      },
      acknowledgedAlert: async (actor) => {
        const id = await fixtures.openAlert();
        const by = actor in ACTOR_EMAILS ? ACTOR_EMAILS[actor as keyof typeof ACTOR_EMAILS] : actor;
        await server.orm.em
          .fork()
          .getConnection()
          .execute(`update alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now() where id = ?`, [by, id]);
        return id;
      },
    };
  });
  afterAll(async () => {
    await server?.app.services.harmony.sensitivity.settle();
    await server?.close();
  });

  it('has one row per operation, in one module', () => {
    const operations = Object.values(MODULE_MATRICES).flatMap((rows) => Object.keys(rows));
    expect(operations.filter((operation, index) => operations.indexOf(operation) !== index)).toEqual([]);
  });

  it('classifies every operation of the schema', () => {
    const { schema } = server.app.schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    const unclassified = operations.filter((name) => !(name in PERMISSION_MATRIX));
    expect(unclassified, 'operations missing from PERMISSION_MATRIX').toEqual([]);
    expect(
      Object.keys(PERMISSION_MATRIX).filter((name) => !operations.includes(name)),
      'rows for operations that no longer exist',
    ).toEqual([]);
  });

  const cases = Object.entries(PERMISSION_MATRIX).flatMap(([operation, row]) =>
    ACTORS.map((actor) => [operation, actor, row.expect[actor]] as const),
  );
  it.each(cases)('%s as %s → %s', async (operation, actor, expected) => {
    const row = PERMISSION_MATRIX[operation];
    const client = row.freshClient ? await server.as(actor) : clients.get(actor)!;
    const variables = row.variables ? await row.variables(fixtures, actor) : {};
    const answer = await client.request(row.document, variables);
    const code = errorCode(answer);
    if (expected === 'ALLOW' && row.absent) {
      // Allowed to look, and nothing there: NOT_FOUND, never a permission refusal.
      expect(code, `${operation} as ${actor}: ${JSON.stringify(answer.errors)}`).toBe('NOT_FOUND');
    } else if (expected === 'ALLOW') {
      expect(answer.errors, `${operation} as ${actor}`).toEqual([]);
      expect(answer.data).not.toBeNull();
    } else {
      expect(code, `${operation} as ${actor}: ${JSON.stringify(answer.errors)}`).toBe(expected);
      // Nothing answered: no data at all, null in the (nullable) field, or null in each place of a list (nodes).
      const nothing = (value: unknown) => value === null || (Array.isArray(value) && value.every((item) => item === null));
      expect(Object.values(answer.data ?? {}).every(nothing)).toBe(true);
    }
  });
});
