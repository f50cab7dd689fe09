import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { evaluation } from '@massline/shared';
import { sql } from '../../server/src/common/sql';
import { DEMO_PASSWORD } from '../../server/src/seeders/demo-accounts';
import { ApiClient } from '../support/api-client';
import { startBenchServer } from './bench-server';
import { answersOf, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId } from '../support/global-id';

type Report = (what: string, figure: string, target: string) => void;

const CLIENTS = 50;
const TERMS = 20;
const TALLY_BALLOTS = 100_000;
const CRITERIA = 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The machine's load while measuring: the figures of a shared machine mean little without it. */
const loadAverage = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;

/** The CPU time a process has used so far (Linux's /proc, in clock ticks of 10 ms), or null where it cannot be read. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Mechanism 2's figures (`npm run bench`, or `npm run bench -- evaluation` alone): ballot intake over
 * HTTP by 50 concurrent citizens, and the close of a campaign of 100,000 ballots × 10 criteria (the
 * shuffle and the SQL tally) with the results' intervals. The server runs as the runtime role, as in
 * production: ballots sealed, read only through the owner's functions.
 */
export async function benchEvaluation(report: Report): Promise<void> {
  // Durable, as in production (fsync and synchronous commit on): a ballot's figure counts its commit's flush.
  const { owner, ownerUrl, url, stop } = await startBenchServer('evaluation', { durable: true });
  try {
    const org = await new ApiClient(url).signIn('county@massline.demo', DEMO_PASSWORD);
    const [county] = await sql<{ id: string }>(owner.em.fork(), `select id from region where code = '880101'`);
    const campaign = async (termIds: string[], criteria?: { code: string; en: string; zhCN: string }[]) => {
      const { createCampaign } = await org.ok<{ createCampaign: { id: string; criteria: { code: string }[] } }>(
        `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id criteria { code } } }`,
        {
          input: {
            regionId: globalId('Region', county.id),
            title: 'Bench',
            titleZh: '基准',
            period: '2026',
            opensAt: new Date().toISOString(),
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
            termIds: termIds.map((id) => globalId('Term', id)),
            ...(criteria ? { criteria } : {}),
          },
        },
      );
      await org.ok(`mutation ($id: ID!) { openCampaign(id: $id) { id } }`, { id: createCampaign.id });
      return createCampaign;
    };

    // Ballot intake: 50 citizens at once, each casting a ballot for each of 20 cadres, one after the other.
    const intakeTerms = await insertTerms(owner, { regionCode: '880101', count: TERMS, prefix: 'Intake' });
    const voters = await insertCitizens(owner, url, { regionCode: '880101001', count: CLIENTS * 2, prefix: 'bench-voter' });
    const intake = async (round: number) => {
      const target = await campaign(intakeTerms);
      const latencies: number[] = [];
      let accepted = 0;
      const cpu = process.cpuUsage();
      const start = performance.now();
      await Promise.all(
        voters.slice(round * CLIENTS, (round + 1) * CLIENTS).map(async (voter, v) => {
          const client = voter.client();
          for (let t = 0; t < TERMS; t++) {
            const sent = performance.now();
            const answer = await client.request<{ castBallot: { code: string } }>(
              `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`,
              {
                input: {
                  campaignId: target.id,
                  termId: globalId('Term', intakeTerms[(t + v) % TERMS]),
                  answers: answersOf(target.criteria, ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'DONT_KNOW'][(t + v) % 4]),
                },
              },
            );
            latencies.push(performance.now() - sent);
            if (answer.errors.length > 0) throw new Error(`a ballot was refused: ${JSON.stringify(answer.errors)}`);
            accepted++;
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const { user, system } = process.cpuUsage(cpu);
      const campaignId = (await sql<{ id: string }>(owner.em.fork(), `select id from campaign order by created_at desc limit 1`))[0].id;
      const [stored] = await sql<{ ballots: number; participations: number }>(
        owner.em.fork(),
        `select (select count(*)::int from ballot where campaign_id = ?) as ballots, (select count(*)::int from participation where campaign_id = ?) as participations`,
        [campaignId, campaignId],
      );
      return { seconds, cpuMs: (user + system) / 1000, latencies: latencies.sort((a, b) => a - b), accepted, stored };
    };
    await intake(0); // warm-up: the first requests compile and plan everything
    const measured = await intake(1);
    report(
      `Ballot intake over HTTP, ${CLIENTS} concurrent citizens × ${TERMS} cadres (${measured.accepted} ballots)`,
      `${(measured.accepted / measured.seconds).toFixed(0)} ballots/s, p50 ${percentile(measured.latencies, 50).toFixed(1)} ms, p99 ${percentile(measured.latencies, 99).toFixed(1)} ms; ${(measured.cpuMs / measured.accepted).toFixed(1)} ms of Node CPU a ballot (server and clients, one process) (${loadAverage()})`,
      '≥ 500 ballots/s',
    );
    const consistent = measured.stored.ballots === measured.accepted && measured.stored.participations === measured.accepted;
    report(
      'Ballot intake: stored ballots = participation records = accepted answers',
      `${measured.stored.ballots} = ${measured.stored.participations} = ${measured.accepted}`,
      'equal',
    );
    if (!consistent) throw new Error('ballots, participations and accepted answers differ');

    // The tally: 100,000 ballots × 10 criteria, written set-based as the owner, then the close and the results.
    const [tallyTerm] = await insertTerms(owner, { regionCode: '880101', count: 1, prefix: 'Tally' });
    const criteria = Array.from({ length: CRITERIA }, (_, i) => ({ code: `C${i + 1}`, en: `Criterion ${i + 1}`, zhCN: `指标${i + 1}` }));
    const big = await campaign([tallyTerm], criteria);
    const [{ id: bigId }] = await sql<{ id: string }>(owner.em.fork(), `select id from campaign order by created_at desc limit 1`);
    await sql(
      owner.em.fork(),
      `insert into participation (nullifier, campaign_id, term_id) select sha256(('bench' || g)::bytea), ?, ? from generate_series(1, ?) g`,
      [bigId, tallyTerm, TALLY_BALLOTS],
    );
    await sql(
      owner.em.fork(),
      `insert into ballot (id, campaign_id, term_id, answers, receipt_hash)
       select gen_random_uuid(), ?, ?, array(select (abs(hashint8(g * 64 + c)) % 4)::smallint from generate_series(1, ?) c), sha256(('receipt' || g)::bytea)
         from generate_series(1, ?) g`,
      [bigId, tallyTerm, CRITERIA, TALLY_BALLOTS],
    );
    await sql(owner.em.fork(), 'analyze ballot');
    // The SQL tally alone (what the close adds to the shuffle), as the owner, each run in a transaction
    // rolled back: the median of 5 after a warm-up, its time and its database process's CPU time (what
    // the tally costs whatever else the machine is doing).
    const scores = evaluation.ANSWER_SCALES.PROVINCIAL_FOUR_STEP.steps.map((step) => step.score);
    const tallies: { ms: number; cpuMs: number | null }[] = [];
    {
      const client = new Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
        for (let run = 0; run <= 5; run++) {
          await client.query('begin');
          const cpu = processCpuMs(pid);
          const start = performance.now();
          await client.query('select evaluation_tally($1, $2::double precision[])', [bigId, scores]);
          const ms = performance.now() - start;
          const after = processCpuMs(pid);
          await client.query('rollback');
          if (run > 0) tallies.push({ ms, cpuMs: cpu === null || after === null ? null : after - cpu });
        }
      } finally {
        await client.end();
      }
    }
    const tallyMs = median(tallies.map((tally) => tally.ms));
    const tallyCpuMs = tallies.every((tally) => tally.cpuMs !== null) ? median(tallies.map((tally) => tally.cpuMs!)) : null;
    const closeStart = performance.now();
    await org.ok(`mutation ($id: ID!) { closeCampaign(id: $id) { id } }`, { id: big.id });
    const closeMs = performance.now() - closeStart;
    const resultsStart = performance.now();
    const { campaign: results } = await org.ok<{ campaign: { results: { ballots: number; overall: { mean: number } }[] } }>(
      `query ($id: ID!) { campaign(id: $id) { results { ballots overall { mean low high n } criteria { code mean low high n dontKnow } } } }`,
      { id: big.id },
    );
    const resultsMs = performance.now() - resultsStart;
    if (results.results[0].ballots !== TALLY_BALLOTS) throw new Error(`tallied ${results.results[0].ballots} ballots`);
    report(
      `SQL tally of ${TALLY_BALLOTS.toLocaleString('en')} ballots × ${CRITERIA} criteria (varied answers), median of 5`,
      `${(tallyMs / 1000).toFixed(2)} s${tallyCpuMs === null ? '' : `, ${(tallyCpuMs / 1000).toFixed(2)} s of CPU`} (${loadAverage()})`,
      '< 1 s',
    );
    report(
      `Close of a campaign of ${TALLY_BALLOTS.toLocaleString('en')} ballots × ${CRITERIA} criteria: shuffle + SQL tally, over HTTP`,
      `${(closeMs / 1000).toFixed(2)} s`,
      'figure only (the shuffle rewrites every ballot)',
    );
    report('Its results: intervals of every criterion from the tally, over HTTP', `${resultsMs.toFixed(0)} ms`, '< 1 s with the tally');
  } finally {
    await stop();
  }
}
