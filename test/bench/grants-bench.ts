import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { sql } from '../../server/src/common/sql';
import { hashPassword } from '../../server/src/modules/accounts/password';
import { DEMO_PASSWORD } from '../../server/src/seeders/demo-accounts';
import { ApiClient } from '../support/api-client';
import { startBenchServer } from './bench-server';
import { CadresFixtures } from '../support/cadres-fixtures';
import { appointmentSteps, dayFrom } from '../support/grants-fixtures';
import { globalId } from '../support/global-id';

type Report = (what: string, figure: string, target: string) => void;

/** Organizations recording at once (one per county of the demo province), and grants each walks through every step. */
const ORGANIZATIONS = [1, 4, 12];
const GRANTS_EACH = 4;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** An appointment's whole procedure, dated in the past so that it takes effect: six steps. */
const PROCEDURE = [
  ...appointmentSteps(-60),
  { step: 'NOTICE', date: dayFrom(-49), facts: { end: dayFrom(-35) } },
  { step: 'TAKING_EFFECT', date: dayFrom(-34), facts: {} },
];

/**
 * Staff of each county's organization, signed in (a session inserted beside them): the bench is about
 * recording steps, not signing in.
 */
async function countyStaff(owner: MikroORM, url: string): Promise<{ client: ApiClient; regionId: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = await sql<{ id: string; regionId: string }>(
    owner.em.fork(),
    `insert into app_user (id, email, display_name, role, password_hash, region_id, organization_id, active)
     select gen_random_uuid(), 'bench-staff-' || r.code || '@massline.test', 'Bench staff ' || r.code, 'ORGANIZATION', ?, r.id, o.id, true
       from region r join organization o on o.region_id = r.id where r.level = 'COUNTY' order by r.code
     returning id, region_id as "regionId"`,
    [passwordHash],
  );
  const secrets = staff.map(() => randomBytes(32).toString('base64url'));
  await sql(
    owner.em.fork(),
    `insert into session (id_hash, user_id, expires_at)
     select s.hash, s.user_id, now() + interval '1 day' from unnest(?::text[], ?::uuid[]) as s(hash, user_id)`,
    [secrets.map((secret) => createHash('sha256').update(secret).digest('hex')), staff.map((user) => user.id)],
  );
  return staff.map((user, i) => ({ client: new ApiClient(url).withSession(secrets[i]), regionId: globalId('Region', user.regionId) }));
}

/**
 * Mechanism 3's recording throughput (`npm run bench -- grants`): organizations of different counties
 * walk appointments through every step at once over HTTP (the server as the runtime role, each step
 * checked by the rules and appended to the one ledger, whose head lock serializes the appends), on the
 * seeded demo. Steps per second and the latency of a step, for 1, 4 and 12 organizations at once.
 */
export async function benchGrantSteps(report: Report): Promise<void> {
  const { owner, url, stop } = await startBenchServer('grants', { durable: false });
  try {
    const staff = await countyStaff(owner, url);

    /** Each organization's grants: new posts of its county, given to new cadres, no step recorded yet. */
    const prepare = (organizations: number) =>
      Promise.all(
        staff.slice(0, organizations).map(async ({ client, regionId }) => {
          const fixtures = new CadresFixtures(client);
          const grantIds: string[] = [];
          for (let g = 0; g < GRANTS_EACH; g++) {
            const [cadreId, postId] = await Promise.all([fixtures.cadre(regionId), fixtures.post(regionId)]);
            const { createGrant } = await client.ok<{ createGrant: { id: string } }>(
              'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
              {
                input: { postId, cadreId, method: 'APPOINTMENT', bodyName: 'County Committee', bodyKind: 'PARTY_COMMITTEE', termYears: 5 },
              },
            );
            grantIds.push(createGrant.id);
          }
          return { client, grantIds };
        }),
      );
    const walk = async (organizations: number) => {
      const walkers = await prepare(organizations);
      const latencies: number[] = [];
      const start = performance.now();
      await Promise.all(
        walkers.map(async ({ client, grantIds }) => {
          for (const grantId of grantIds) {
            for (const step of PROCEDURE) {
              const sent = performance.now();
              const answer = await client.request('mutation ($input: RecordGrantStepInput!) { recordGrantStep(input: $input) { id } }', {
                input: { grantId, ...step },
              });
              latencies.push(performance.now() - sent);
              if (answer.errors.length > 0) throw new Error(`a step was refused: ${JSON.stringify(answer.errors)}`);
            }
          }
        }),
      );
      return { seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
    };
    await walk(2); // warm-up: the first requests compile and plan everything
    for (const organizations of ORGANIZATIONS) {
      const { seconds, latencies } = await walk(organizations);
      report(
        `Grant steps recorded over HTTP (rules, term, notification, ledger append), ${organizations} organization${organizations === 1 ? '' : 's'} at once, ${latencies.length} steps`,
        `${(latencies.length / seconds).toFixed(0)} steps/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
        'figure only',
      );
    }
    const [{ entries }] = await sql<{ entries: number }>(owner.em.fork(), 'select count(*)::int as entries from ledger_entry');
    console.log(`ledger after the grant bench: ${entries} entries`);
  } finally {
    await stop();
  }
}
