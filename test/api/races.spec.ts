import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Races: the same change sent N times at once (several clients, one Promise.all). Every state change is a
 * guarded write, so exactly one request wins and every other one gets CONFLICT with its reason; history
 * (observation revisions, audit entries) holds exactly what was accepted, nothing twice.
 */
const RECORD = 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id value revision } }';
const REVISIONS = 'query ($id: ID!) { observationRevisions(observationId: $id) { revision value } }';

type Answers = GraphQLAnswer[];

/** The answers that succeeded, and the (code, reason) of those that did not. */
function outcome(answers: Answers) {
  const won = answers.filter((answer) => answer.errors.length === 0);
  const lost = answers
    .filter((answer) => answer.errors.length > 0)
    .map((answer) => [errorCode(answer), answer.errors[0].extensions?.reason]);
  return { won, lost };
}

function exactlyOneWinner(answers: Answers, reason: string) {
  const { won, lost } = outcome(answers);
  expect(lost).toEqual(Array.from({ length: answers.length - 1 }, () => ['CONFLICT', reason]));
  expect(won).toHaveLength(1);
  return won[0];
}

describe('races: N parallel requests, one winner, the rest CONFLICT, history complete', () => {
  let server: TestServer;
  let clients: ApiClient[];
  let ids: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  /** Sends `n` requests at once, spread over the clients. */
  const race = (n: number, send: (client: ApiClient, i: number) => Promise<GraphQLAnswer>) =>
    Promise.all(Array.from({ length: n }, (_, i) => send(clients[i % clients.length], i)));
  const auditCount = async (action: string, subjectId: string) =>
    Number(
      (await sql<{ n: string }>('select count(*)::text as n from audit_entry where action = ? and subject_id = ?', [action, subjectId]))[0]
        .n,
    );

  beforeAll(async () => {
    server = await startTestServer();
    clients = await Promise.all([server.as('orgRoot'), server.as('orgRoot'), server.as('orgRoot')]);
    ids = new Map((await sql<{ id: string; code: string }>('select id, code from region')).map((r) => [r.code, r.id]));
  });
  afterAll(() => server?.close());

  describe('observations', () => {
    const key = (regionCode: string, period: string) => ({ regionId: ids.get(regionCode), period, indicatorCode: 'CADRE_TRUST' });

    it('serializes eight corrections of one observation: revisions 2..9, each value kept once', async () => {
      const first = await clients[0].ok<{ recordObservation: { id: string; revision: number } }>(RECORD, {
        input: { ...key('880201001', '2021-Q1'), value: 60 },
      });
      const values = [61, 62, 63, 64, 65, 66, 67, 68];
      const answers = await race(values.length, (client, i) =>
        client.request(RECORD, { input: { ...key('880201001', '2021-Q1'), value: values[i] } }),
      );
      const { won } = outcome(answers);
      expect(won).toHaveLength(8);
      const answered = won.map((answer) => (answer.data as { recordObservation: { revision: number } }).recordObservation.revision);
      expect([...answered].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const { observationRevisions } = await clients[0].ok<{ observationRevisions: { revision: number; value: number }[] }>(REVISIONS, {
        id: first.recordObservation.id,
      });
      expect(observationRevisions.map((r) => r.revision)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      const [current] = await sql<{ value: number; revision: number }>('select value, revision from observation where id = ?', [
        uuidOf(first.recordObservation.id),
      ]);
      expect(current.revision).toBe(9);
      // Every accepted value is somewhere in the history or current, exactly once.
      expect([...observationRevisions.map((r) => r.value), current.value].sort()).toEqual([60, ...values]);
    });

    it('with expectedRevision, exactly one of eight corrections wins; the others get OBSERVATION_CHANGED', async () => {
      const first = await clients[0].ok<{ recordObservation: { id: string; revision: number } }>(RECORD, {
        input: { ...key('880201002', '2021-Q1'), value: 50 },
      });
      const answers = await race(8, (client, i) =>
        client.request(RECORD, {
          input: { ...key('880201002', '2021-Q1'), value: 61 + i, expectedRevision: first.recordObservation.revision },
        }),
      );
      const winner = exactlyOneWinner(answers, 'OBSERVATION_CHANGED');
      const won = (winner.data as { recordObservation: { value: number; revision: number } }).recordObservation;
      expect(won.revision).toBe(2);
      const revisions = await sql<{ revision: number; value: number }>(
        'select revision, value from observation_revision where observation_id = ? order by revision',
        [uuidOf(first.recordObservation.id)],
      );
      expect(revisions).toEqual([{ revision: 1, value: 50 }]);
      expect(await auditCount('observation.correct', uuidOf(first.recordObservation.id))).toBe(1);
      // A stale expectedRevision is refused even alone, and writes nothing.
      const stale = await clients[0].request(RECORD, { input: { ...key('880201002', '2021-Q1'), value: 70, expectedRevision: 1 } });
      expect([errorCode(stale), stale.errors[0]?.extensions?.reason]).toEqual(['CONFLICT', 'OBSERVATION_CHANGED']);
      expect(await sql('select revision from observation where id = ?', [uuidOf(first.recordObservation.id)])).toEqual([{ revision: 2 }]);
    });

    it('creates a brand-new observation once: simultaneous first values get OBSERVATION_CHANGED, later ones correct it', async () => {
      const answers = await race(8, (client, i) => client.request(RECORD, { input: { ...key('880201003', '2021-Q1'), value: 40 + i } }));
      const { won, lost } = outcome(answers);
      // Whoever created the key meanwhile wins; a request that read "no such observation" before it and
      // inserted too is refused by the unique key. A request that came after it is a correction.
      expect(lost.every(([code, reason]) => code === 'CONFLICT' && reason === 'OBSERVATION_CHANGED')).toBe(true);
      const results = won.map((answer) => (answer.data as { recordObservation: { id: string; revision: number } }).recordObservation);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: won.length }, (_, i) => i + 1));
      const id = uuidOf(results[0].id);
      expect(await auditCount('observation.record', id)).toBe(1);
      expect(await auditCount('observation.correct', id)).toBe(won.length - 1);
      const revisions = await sql<{ revision: number }>(
        'select revision from observation_revision where observation_id = ? order by revision',
        [id],
      );
      expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: won.length - 1 }, (_, i) => i + 1));
    });

    it('keeps concurrent imports of the same rows race-safe: every accepted row a distinct revision', async () => {
      // 8 townships × 12 months: big enough for the imports to overlap.
      const townships = ['880201001', '880201002', '880201003', '880201004', '880202001', '880202002', '880202003', '880202004'];
      const months = Array.from({ length: 12 }, (_, m) => `2021-${String(m + 1).padStart(2, '0')}`);
      const csv = (value: number) =>
        ['region_code,period,indicator,value,raw_count,raw_total,source']
          .concat(townships.flatMap((code) => months.map((month) => `${code},${month},CADRE_TRUST,${value},,,`)))
          .join('\n');
      await clients[0].ok('mutation ($csv: String!) { importObservations(csv: $csv) { accepted } }', { csv: csv(10) });
      const answers = await race(4, (client, i) =>
        client.request('mutation ($csv: String!) { importObservations(csv: $csv) { accepted written } }', { csv: csv(20 + i) }),
      );
      const { won, lost } = outcome(answers);
      expect(lost.every(([code]) => code === 'CONFLICT')).toBe(true);
      const rows = await sql<{ code: string; revision: number; revisions: number[] }>(
        `select r.code, o.revision, array(select v.revision from observation_revision v where v.observation_id = o.id order by v.revision) as revisions
           from observation o join region r on r.id = o.region_id where o.period ~ '^2021-[0-9]{2}$' order by r.code`,
      );
      expect(rows).toHaveLength(townships.length * months.length);
      for (const row of rows) {
        expect(row.revision).toBe(won.length + 1);
        expect(row.revisions).toEqual(Array.from({ length: won.length }, (_, i) => i + 1));
      }
    });
  });

  describe('reviews and transitions', () => {
    it('reviews a citizen once: VERIFY and REJECT at once, one wins, the others get CITIZEN_ALREADY_REVIEWED', async () => {
      const id = await server.createUser({
        email: 'racing-citizen@massline.test',
        role: 'CITIZEN',
        regionCode: '880101001',
        citizenStatus: 'UNVERIFIED',
      });
      const answers = await race(6, (client, i) =>
        client.request('mutation ($input: ReviewCitizenInput!) { reviewCitizen(input: $input) { citizenStatus citizenReviewNote } }', {
          input: i % 2 === 0 ? { userId: id, decision: 'VERIFY' } : { userId: id, decision: 'REJECT', reason: 'Not a resident' },
        }),
      );
      const winner = exactlyOneWinner(answers, 'CITIZEN_ALREADY_REVIEWED');
      const [user] = await sql<{ citizen_status: string; citizen_review_note: string | null }>(
        'select citizen_status, citizen_review_note from app_user where id = ?',
        [id],
      );
      expect(winner.data).toEqual({ reviewCitizen: { citizenStatus: user.citizen_status, citizenReviewNote: user.citizen_review_note } });
      expect(
        Number(
          (
            await sql<{ n: string }>("select count(*)::text as n from audit_entry where action like 'citizen.%' and subject_id = ?", [id])
          )[0].n,
        ),
      ).toBe(1);
    });

    // A red line of an indicator of its own: one unresolved alert per region and rule, and the seed's are there.
    const openAlert = async (regionCode: string) => {
      const [{ id }] = await sql<{ id: string }>(
        `insert into alert (id, methodology_version_id, region_id, period, kind, indicator_code, details, status)
         select gen_random_uuid(), v.id, r.id, '2021-Q1', 'RED_LINE', 'RACE_' || substr(md5(random()::text), 1, 8), '{}'::jsonb, 'OPEN'
           from methodology_version v, region r where v.active and r.code = ? returning id`,
        [regionCode],
      );
      return id;
    };

    it('acknowledges an alert once: of six at once, one wins, the others get ALERT_TRANSITION_INVALID', async () => {
      const id = await openAlert('8801');
      const answers = await race(6, (client) => client.request('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id }));
      exactlyOneWinner(answers, 'ALERT_TRANSITION_INVALID');
      expect(await auditCount('alert.acknowledge', id)).toBe(1);
    });

    it('never leaves an acknowledged alert with a resolution note: resolve racing three acknowledgements', async () => {
      for (const regionCode of ['8802', '8803', '8804']) {
        const id = await openAlert(regionCode);
        const answers = await race(4, (client, i) =>
          i === 0
            ? client.request('mutation ($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { status } }', {
                id,
                note: 'Handled',
              })
            : client.request('mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }', { id }),
        );
        const { won, lost } = outcome(answers);
        expect(lost.every(([code, reason]) => code === 'CONFLICT' && reason === 'ALERT_TRANSITION_INVALID')).toBe(true);
        const [alert] = await sql<{ status: string; resolution_note: string | null; acknowledged_by: string | null }>(
          'select status, resolution_note, acknowledged_by from alert where id = ?',
          [id],
        );
        const acknowledged = await auditCount('alert.acknowledge', id);
        const resolved = await auditCount('alert.resolve', id);
        expect(acknowledged).toBeLessThanOrEqual(1);
        expect(acknowledged + resolved).toBe(won.length);
        if (alert.status === 'ACKNOWLEDGED') expect([alert.resolution_note, resolved]).toEqual([null, 0]);
        else expect([alert.status, alert.resolution_note, resolved]).toEqual(['RESOLVED', 'Handled', 1]);
      }
    });
  });
  describe('every other state change', () => {
    const METHODOLOGY = {
      aggregation: 'ARITHMETIC',
      indicators: [
        { code: 'GINI', weight: 0.2, normalization: 'GOALPOSTS' },
        { code: 'PETITIONS', weight: 0.2, normalization: 'GOALPOSTS' },
        { code: 'MASS_INCIDENTS', weight: 0.2, normalization: 'GOALPOSTS' },
        { code: 'HOT_ISSUES', weight: 0.1, normalization: 'GOALPOSTS' },
        { code: 'PARTY_APPLICATIONS', weight: 0.1, normalization: 'GOALPOSTS' },
        { code: 'CADRE_TRUST', weight: 0.1, normalization: 'GOALPOSTS' },
        { code: 'PAPER_SUBSCRIPTIONS', weight: 0.1, normalization: 'GOALPOSTS' },
      ],
    };
    const createVersion = async (name: string) =>
      (
        await clients[0].ok<{ createMethodologyVersion: { id: string } }>(
          'mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { id } }',
          { input: { ...METHODOLOGY, name } },
        )
      ).createMethodologyVersion.id;

    /** Each case: what to prepare, the mutation sent N times at once (variables per attempt), the losers' reason. */
    const cases: {
      name: string;
      prepare: () => Promise<string>;
      mutation: string;
      variables: (prepared: string, i: number) => Record<string, unknown>;
      reason: string;
      anonymous?: boolean;
    }[] = [
      {
        name: 'deactivating a user',
        prepare: () => server.createUser({ email: 'racing-auditor@massline.test', role: 'AUDITOR', regionCode: '8801' }),
        mutation: 'mutation ($id: ID!) { deactivateUser(id: $id) { active } }',
        variables: (id) => ({ id }),
        reason: 'USER_ALREADY_IN_STATE',
      },
      {
        name: 'deactivating an organization',
        prepare: async () =>
          (
            await clients[0].ok<{ createOrganization: { id: string } }>(
              'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
              { input: { name: 'Racing committee', regionId: ids.get('8803') } },
            )
          ).createOrganization.id,
        mutation: 'mutation ($id: ID!) { deactivateOrganization(id: $id) { active } }',
        variables: (id) => ({ id }),
        reason: 'ORGANIZATION_ALREADY_IN_STATE',
      },
      {
        name: 'revoking an API token',
        prepare: async () =>
          (
            await clients[0].ok<{ createApiToken: { token: { id: string } } }>(
              'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }',
              { input: { name: 'Racing token', scopes: ['HARMONY'] } },
            )
          ).createApiToken.token.id,
        mutation: 'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
        variables: (id) => ({ id }),
        reason: 'API_TOKEN_ALREADY_REVOKED',
      },
      {
        name: 'activating a methodology version',
        prepare: () => createVersion('Racing activation'),
        mutation: 'mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }',
        variables: (id) => ({ id }),
        reason: 'METHODOLOGY_ALREADY_ACTIVE',
      },
      {
        name: 'publishing a period',
        prepare: async () => {
          const [{ period }] = await sql<{ period: string }>(
            `select a.period from assessment a join methodology_version v on v.id = a.methodology_version_id
              where v.active and not a.published group by a.period order by a.period limit 1`,
          );
          return period;
        },
        mutation: 'mutation ($period: String!, $regionId: ID!) { publishAssessments(period: $period, regionId: $regionId) }',
        variables: (period) => ({ period, regionId: ids.get('88') }),
        reason: 'NOTHING_TO_PUBLISH',
      },
      {
        name: 'creating a region under a taken code',
        prepare: async () => '880499',
        mutation: 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
        variables: (code, i) => ({ input: { code, name: `赛跑${i}镇`, nameEn: `Racing ${i}`, parentId: ids.get('8804') } }),
        reason: 'REGION_CODE_TAKEN',
      },
      {
        name: 'creating an indicator under a taken code',
        prepare: async () => 'RACING',
        mutation: 'mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { code } }',
        variables: (code) => ({
          input: {
            code,
            nameEn: 'Racing',
            nameZh: '赛跑',
            unitEn: 'points',
            unitZh: '分',
            direction: 'HIGHER_IS_BETTER',
            rateBasis: 'NONE',
            goalpostLower: 0,
            goalpostUpper: 10,
          },
        }),
        reason: 'INDICATOR_CODE_TAKEN',
      },
      {
        name: 'creating a user under a taken e-mail',
        prepare: async () => 'racing-user@massline.test',
        mutation: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        variables: (email, i) => ({
          input: { email, displayName: `Racer ${i}`, password: 'a-long-password', role: 'AUDITOR', regionId: ids.get('8801') },
        }),
        reason: 'EMAIL_TAKEN',
      },
      {
        name: 'registering under a taken e-mail',
        prepare: async () => 'racing-resident@massline.test',
        mutation: 'mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { id } }',
        variables: (email, i) => ({
          input: { email, displayName: `Resident ${i}`, password: 'a-long-password', regionId: ids.get('880101001') },
        }),
        reason: 'EMAIL_TAKEN',
        anonymous: true,
      },
    ];

    it.each(cases)('$name: one of four wins, the others get $reason', async ({ prepare, mutation, variables, reason, anonymous }) => {
      const prepared = await prepare();
      const answers = await race(4, (client, i) => (anonymous ? server.client() : client).request(mutation, variables(prepared, i)));
      exactlyOneWinner(answers, reason);
    });

    it('numbers methodology versions created at once one after the other', async () => {
      const answers = await race(3, (client, i) =>
        client.request('mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { version } }', {
          input: { ...METHODOLOGY, name: `Racing version ${i}` },
        }),
      );
      const { won } = outcome(answers);
      const numbers = won.map(
        (answer) => (answer.data as { createMethodologyVersion: { version: number } }).createMethodologyVersion.version,
      );
      expect(new Set(numbers).size).toBe(3);
    });

    it('activates one version when two are activated at once: never two, never an internal error', async () => {
      const [first, second] = [await createVersion('Racing A'), await createVersion('Racing B')];
      const answers = await race(2, (client, i) =>
        client.request('mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }', { id: i === 0 ? first : second }),
      );
      const { won, lost } = outcome(answers);
      expect(lost.every(([code, reason]) => code === 'CONFLICT' && reason === 'METHODOLOGY_ALREADY_ACTIVE')).toBe(true);
      expect(won.length).toBeGreaterThanOrEqual(1);
      const active = await sql<{ id: string }>('select id from methodology_version where active');
      expect(active).toHaveLength(1);
      expect([first, second].map(uuidOf)).toContain(active[0].id);
    });

    it('sets the first figures of a period once at a time: later settings are corrections, simultaneous ones CONFLICT', async () => {
      const answers = await race(4, (client, i) =>
        client.request('mutation ($input: SetRegionStatisticsInput!) { setRegionStatistics(input: $input) { population } }', {
          input: { regionId: ids.get('880301001'), period: '2035', population: 1000 + i, households: 300 },
        }),
      );
      const { won, lost } = outcome(answers);
      expect(lost.every(([code, reason]) => code === 'CONFLICT' && reason === 'REGION_STATISTICS_CHANGED')).toBe(true);
      const [{ n }] = await sql<{ n: string }>(
        `select count(*)::text as n from audit_entry where action = 'region.statistics.set' and subject_id = ? and after->>'period' = '2035'`,
        [ids.get('880301001')],
      );
      expect(Number(n)).toBe(won.length);
    });
  });
});
