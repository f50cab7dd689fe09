import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ApiClient, errorCode } from '../support/api-client';
import { startTestServer, type Actor, type TestServer } from '../support/test-server';

/**
 * Every operation of the schema, tried by every kind of caller. An operation missing from this table
 * fails the suite: a new query or mutation cannot ship without saying who may call it.
 *
 * ALLOW means the call is not refused for permission reasons (no FORBIDDEN / UNAUTHENTICATED error).
 * "In scope" fixtures live in Dongshan County (880101): orgIn is its organization, orgOut the organization
 * of the sibling Xihe County, auditor audits Jiangchuan City (which contains Dongshan), orgRoot is the
 * province's organization (the platform's administrator).
 */
type Outcome = 'ALLOW' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const ACTORS = ['orgRoot', 'orgIn', 'orgOut', 'auditor', 'citizen', 'token', 'anonymous'] as const satisfies readonly Actor[];
type MatrixActor = (typeof ACTORS)[number];

interface Row {
  document: string;
  variables?: (fixtures: Fixtures) => Promise<Record<string, unknown>>;
  expect: Record<MatrixActor, Outcome>;
  /** Run with a client of its own (the operation changes the caller's session). */
  freshClient?: boolean;
}

interface Fixtures {
  server: TestServer;
  orgIn: ApiClient;
  orgRoot: ApiClient;
  dongshanId: string;
  dongshanTownshipId: string;
  inScopeUserId: string;
  /** A new organization of a Dongshan township, made by Dongshan's organization. */
  createOrganization(): Promise<string>;
  /** A new open alert on a Dongshan township. */
  openAlert(): Promise<string>;
}

const everyone: Record<MatrixActor, Outcome> = {
  orgRoot: 'ALLOW',
  orgIn: 'ALLOW',
  orgOut: 'ALLOW',
  auditor: 'ALLOW',
  citizen: 'ALLOW',
  token: 'ALLOW',
  anonymous: 'ALLOW',
};
/** Readers of the jurisdiction's private records: the organization and the auditor; lists are scoped in SQL. */
const jurisdictionList: Record<MatrixActor, Outcome> = {
  orgRoot: 'ALLOW',
  orgIn: 'ALLOW',
  orgOut: 'ALLOW',
  auditor: 'ALLOW',
  citizen: 'FORBIDDEN',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};
/** One record of Dongshan, read by id. */
const jurisdictionRecord: Record<MatrixActor, Outcome> = { ...jurisdictionList, orgOut: 'FORBIDDEN' };
/** A change to a record of Dongshan: only Dongshan's organization (or one above it). */
const jurisdictionChange: Record<MatrixActor, Outcome> = { ...jurisdictionRecord, auditor: 'FORBIDDEN' };

/** The platform-wide catalogue and methodology: the root organization alone. */
const rootOnly: Record<MatrixActor, Outcome> = { ...jurisdictionChange, orgIn: 'FORBIDDEN' };

const unique = () => randomBytes(4).toString('hex');
const uuid = () => '00000000-0000-4000-8000-' + randomBytes(6).toString('hex');

export const PERMISSION_MATRIX: Record<string, Row> = {
  'Query.me': { document: '{ me { role rules } }', expect: everyone },
  'Query.regions': { document: '{ regions(first: 5) { totalCount } }', expect: everyone },
  'Query.region': {
    document: 'query ($id: ID!) { region(id: $id) { code } }',
    variables: async (f) => ({ id: f.dongshanId }),
    expect: everyone,
  },
  'Query.organizations': { document: '{ organizations(first: 5) { totalCount } }', expect: everyone },
  'Query.organization': {
    document: 'query ($id: ID!) { organization(id: $id) { name } }',
    variables: async (f) => {
      const { organizations } = await f.orgIn.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
        'query ($r: ID) { organizations(first: 1, filter: { regionId: $r }) { edges { node { id } } } }',
        { r: f.dongshanId },
      );
      return { id: organizations.edges[0].node.id };
    },
    expect: everyone,
  },
  'Query.users': {
    document: '{ users(first: 5) { totalCount } }',
    // A citizen may call it and sees exactly one user: themselves (tested in accounts.spec.ts).
    expect: { ...jurisdictionList, citizen: 'ALLOW' },
  },
  'Query.user': {
    document: 'query ($id: ID!) { user(id: $id) { email } }',
    variables: async (f) => ({ id: f.inScopeUserId }),
    expect: jurisdictionRecord,
  },
  'Query.apiTokens': { document: '{ apiTokens(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.auditEntries': { document: '{ auditEntries(first: 5) { totalCount } }', expect: jurisdictionList },
  'Mutation.signIn': {
    document: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
    variables: async () => ({ input: { email: 'citizen@massline.demo', password: 'massline-demo' } }),
    expect: everyone,
    freshClient: true,
  },
  'Mutation.signOut': { document: 'mutation { signOut }', expect: everyone, freshClient: true },
  'Mutation.registerCitizen': {
    document: 'mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        email: `resident-${unique()}@massline.test`,
        password: 'a-long-password',
        displayName: 'Resident',
        regionId: f.dongshanTownshipId,
      },
    }),
    expect: everyone,
    freshClient: true,
  },
  'Mutation.createUser': {
    document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        email: `new-${unique()}@massline.test`,
        displayName: 'New',
        role: 'CITIZEN',
        password: 'a-long-password',
        regionId: f.dongshanTownshipId,
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.deactivateUser': {
    document: 'mutation ($id: ID!) { deactivateUser(id: $id) { active } }',
    variables: async (f) => ({
      id: await f.server.createUser({ email: `d-${unique()}@massline.test`, role: 'CITIZEN', regionCode: '880101001' }),
    }),
    expect: jurisdictionChange,
  },
  'Mutation.reactivateUser': {
    document: 'mutation ($id: ID!) { reactivateUser(id: $id) { active } }',
    variables: async (f) => {
      const id = await f.server.createUser({ email: `r-${unique()}@massline.test`, role: 'CITIZEN', regionCode: '880101001' });
      await f.orgIn.ok('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id });
      return { id };
    },
    expect: jurisdictionChange,
  },
  'Mutation.reviewCitizen': {
    document: 'mutation ($input: ReviewCitizenInput!) { reviewCitizen(input: $input) { citizenStatus } }',
    variables: async (f) => ({
      input: {
        userId: await f.server.createUser({
          email: `v-${unique()}@massline.test`,
          role: 'CITIZEN',
          regionCode: '880101001',
          citizenStatus: 'UNVERIFIED',
        }),
        decision: 'VERIFY',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.createOrganization': {
    document: 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: async (f) => ({ input: { name: `Committee ${unique()}`, regionId: f.dongshanTownshipId } }),
    expect: jurisdictionChange,
  },
  'Mutation.deactivateOrganization': {
    document: 'mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }',
    variables: async (f) => ({ id: await f.createOrganization() }),
    expect: jurisdictionChange,
  },
  'Mutation.reactivateOrganization': {
    document: 'mutation ($id: ID!) { reactivateOrganization(id: $id) { active } }',
    variables: async (f) => {
      const id = await f.createOrganization();
      await f.orgIn.ok('mutation ($id: ID!) { deactivateOrganization(id: $id) { id } }', { id });
      return { id };
    },
    expect: jurisdictionChange,
  },
  'Mutation.createRegion': {
    document: 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        parentId: f.dongshanId,
        code: `880101${String(100 + Math.floor(Math.random() * 899))}${Math.floor(Math.random() * 9)}`,
        name: '新镇',
        nameEn: 'New Town',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.setRegionStatistics': {
    document: 'mutation ($input: SetRegionStatisticsInput!) { setRegionStatistics(input: $input) { period } }',
    variables: async (f) => ({ input: { regionId: f.dongshanId, period: '2026-Q3', population: 196000, households: 70000 } }),
    expect: jurisdictionChange,
  },
  'Mutation.createApiToken': {
    document: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
    variables: async () => ({ input: { name: `Portal ${unique()}`, scopes: ['REGIONS'] } }),
    // Every organization issues tokens for its own jurisdiction.
    expect: { ...jurisdictionList, auditor: 'FORBIDDEN' },
  },
  // harmony index
  'Query.indicators': { document: '{ indicators(first: 10) { totalCount } }', expect: everyone },
  'Query.methodologyVersions': { document: '{ methodologyVersions(first: 10) { totalCount } }', expect: everyone },
  'Query.methodologyVersion': { document: '{ methodologyVersion { version } }', expect: everyone },
  'Query.assessments': { document: '{ assessments(first: 5) { totalCount } }', expect: everyone },
  'Query.observations': { document: '{ observations(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.observationRevisions': {
    document: 'query ($id: ID!) { observationRevisions(observationId: $id) { value } }',
    variables: async (f) => {
      const [row] = await f.server.orm.em
        .fork()
        .getConnection()
        .execute<{ id: string }[]>(`select o.id from observation o join region r on r.id = o.region_id where r.code = '880101001' limit 1`);
      return { id: row.id };
    },
    expect: jurisdictionRecord,
  },
  'Query.observationsCsv': {
    document: '{ observationsCsv(filter: { period: "2026-Q3", indicatorCode: "GINI" }) }',
    expect: jurisdictionList,
  },
  'Query.statisticalChecks': { document: '{ statisticalChecks(period: "2026-Q2", level: COUNTY) { period } }', expect: jurisdictionList },
  'Query.alerts': { document: '{ alerts(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.sensitivityRun': {
    document: 'query ($id: ID!) { sensitivityRun(id: $id) { status } }',
    variables: async () => ({ id: uuid() }),
    expect: jurisdictionList,
  },
  'Mutation.createIndicator': {
    document: 'mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { code } }',
    variables: async () => ({
      input: {
        code: `X_${unique().toUpperCase()}`,
        nameEn: 'Extra',
        nameZh: '附加',
        unitEn: '%',
        unitZh: '%',
        direction: 'HIGHER_IS_BETTER',
        rateBasis: 'PERCENT',
        goalpostLower: 0,
        goalpostUpper: 100,
      },
    }),
    expect: rootOnly,
  },
  'Mutation.recordObservation': {
    document: 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id } }',
    variables: async (f) => ({
      input: { regionId: f.dongshanTownshipId, period: '2026-Q3', indicatorCode: 'CADRE_TRUST', value: 80 + Math.random() * 10 },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.importObservations': {
    document: 'mutation ($csv: String!) { importObservations(csv: $csv) { accepted } }',
    variables: async () => ({
      csv: `region_code,period,indicator,value\n880101001,2026-Q3,CADRE_TRUST,${(80 + Math.random() * 10).toFixed(2)}\n`,
    }),
    // The operation is open to every organization; rows outside the caller's jurisdiction are refused
    // in the report (nothing written) — see harmony-observations.spec.ts.
    expect: { ...jurisdictionChange, orgOut: 'ALLOW' },
  },
  'Mutation.computeGiniFromMicrodata': {
    document: 'mutation ($input: GiniFromMicrodataInput!) { computeGiniFromMicrodata(input: $input) { gini } }',
    variables: async (f) => ({ input: { regionId: f.dongshanTownshipId, period: '2026-Q3', csv: 'income\n10\n20\n30\n40\n' } }),
    expect: jurisdictionChange,
  },
  'Mutation.computeGiniFromShares': {
    document: 'mutation ($input: GiniFromSharesInput!) { computeGiniFromShares(input: $input) { gini } }',
    variables: async (f) => ({ input: { regionId: f.dongshanTownshipId, period: '2026-Q3', shares: [7, 12, 17, 23, 41] } }),
    expect: jurisdictionChange,
  },
  'Mutation.createMethodologyVersion': {
    document: 'mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { version } }',
    variables: async () => ({
      input: {
        name: `v ${unique()}`,
        aggregation: 'ARITHMETIC',
        indicators: [
          { code: 'GINI', weight: 0.5, normalization: 'GOALPOSTS' },
          { code: 'CADRE_TRUST', weight: 0.5, normalization: 'GOALPOSTS' },
        ],
      },
    }),
    expect: rootOnly,
  },
  'Mutation.activateMethodologyVersion': {
    document: 'mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }',
    variables: async (f) => {
      const { methodologyVersions } = await f.orgRoot.ok<{ methodologyVersions: { edges: { node: { id: string; active: boolean } }[] } }>(
        '{ methodologyVersions(first: 100) { edges { node { id active } } } }',
      );
      return { id: methodologyVersions.edges.find((e) => !e.node.active)!.node.id };
    },
    expect: rootOnly,
  },
  'Mutation.recomputeAssessments': { document: 'mutation { recomputeAssessments(period: "2026-Q3") }', expect: rootOnly },
  'Mutation.publishAssessments': {
    document: 'mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r) }',
    variables: async (f) => {
      await f.server.orm.em.fork().getConnection().execute(`update assessment set published = false where period = '2026-Q3'`);
      return { r: f.dongshanId };
    },
    expect: jurisdictionChange,
  },
  'Mutation.acknowledgeAlert': {
    document: 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }',
    variables: async (f) => ({ id: await f.openAlert() }),
    expect: jurisdictionChange,
  },
  'Mutation.resolveAlert': {
    document: 'mutation ($id: ID!) { resolveAlert(id: $id, note: "Visited; causes addressed") { status } }',
    variables: async (f) => ({ id: await f.openAlert() }),
    expect: jurisdictionChange,
  },
  'Mutation.startSensitivityRun': {
    document: 'mutation ($r: ID!) { startSensitivityRun(input: { period: "2026-Q2", parentId: $r, runs: 50 }) { id } }',
    variables: async (f) => ({ r: f.dongshanId }),
    expect: jurisdictionList,
  },
  'Mutation.revokeApiToken': {
    document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
    variables: async (f) => {
      const { createApiToken } = await f.orgIn.ok<{ createApiToken: { token: { id: string } } }>(
        'mutation { createApiToken(input: { name: "to revoke", scopes: [REGIONS] }) { token { id } } }',
      );
      return { id: createApiToken.token.id };
    },
    expect: jurisdictionChange,
  },
};

describe('permission matrix', () => {
  let server: TestServer;
  const clients = new Map<MatrixActor, ApiClient>();
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer();
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
    };
  });
  afterAll(async () => {
    await server?.app.services.harmony.sensitivity.settle();
    await server?.close();
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
    const variables = row.variables ? await row.variables(fixtures) : {};
    const answer = await client.request(row.document, variables);
    const code = errorCode(answer);
    if (expected === 'ALLOW') {
      expect(answer.errors, `${operation} as ${actor}`).toEqual([]);
      expect(answer.data).not.toBeNull();
    } else {
      expect(code, `${operation} as ${actor}: ${JSON.stringify(answer.errors)}`).toBe(expected);
      // Nothing answered: no data at all, or null in the (nullable) field.
      expect(Object.values(answer.data ?? {}).every((value) => value === null)).toBe(true);
    }
  });
});
