import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { evaluation } from '@massline/shared';
import { sql } from '../../server/src/common/sql';
import { DEMO_PASSWORD } from '../../server/src/seeders/demo-accounts';
import { ApiClient } from '../support/api-client';
import { startBenchServer } from './bench-server';
import { answersOf, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import type { IntakeRound, IntakeRoundResult } from './intake-load-worker';
import { processCpuMs } from './process-cpu';

type Report = (what: string, figure: string, target: string) => void;

const CLIENTS = 50;
/**
 * Measured rounds of intake, each a campaign of its own: the figure is the median round's. Two warm-up
 * rounds first: with one, the measured rounds still rose one after another (301 → 386, 370 → 504 ballots/s
 * on a quiet machine) while V8 was still optimizing the request path — not yet the steady state.
 */
const INTAKE_ROUNDS = 5;
const INTAKE_WARM_UP_ROUNDS = 2;
const TERMS = 20;
const TALLY_BALLOTS = 100_000;
const CRITERIA = 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The machine's load while measuring: the figures of a shared machine mean little without it. */
const loadAverage = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;

/**
 * Mechanism 2's figures (`npm run bench`, or `npm run bench -- evaluation` alone; `-- intake` for the
 * intake only): ballot intake over HTTP by 50 concurrent citizens, and the close of a campaign of 100,000 ballots × 10 criteria (the
 * shuffle and the SQL tally) with the results' intervals. The server runs as the runtime role, as in
 * production: ballots sealed, read only through the owner's functions.
 */
export async function benchEvaluation(report: Report, { intakeOnly = false }: { intakeOnly?: boolean } = {}): Promise<void> {
  // Durable, as in production (fsync and synchronous commit on): a ballot's figure counts its commit's flush.
  const { owner, ownerUrl, url, postgresCpuMs, stop } = await startBenchServer('evaluation', { durable: true });
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

    // Ballot intake: 50 citizens at once, each casting a ballot for each of 20 cadres, one after the other,
    // sent by a load generator in a process of its own (intake-load-worker.ts); a new campaign each round.
    const intakeTerms = await insertTerms(owner, { regionCode: '880101', count: TERMS, prefix: 'Intake' });
    const voters = await insertCitizens(owner, url, { regionCode: '880101001', count: CLIENTS, prefix: 'bench-voter' });
    const generator = fork(path.join(__dirname, 'intake-load-worker.ts'), { execArgv: process.execArgv });
    const send = (round: IntakeRound) =>
      new Promise<IntakeRoundResult>((resolve, reject) => {
        generator.once('message', (answer: IntakeRoundResult | { error: string }) =>
          'error' in answer ? reject(new Error(answer.error)) : resolve(answer),
        );
        generator.once('error', reject);
        generator.send(round);
      });
    const intake = async () => {
      const target = await campaign(intakeTerms);
      const clients = voters.map((voter, v) => ({
        sessionSecret: voter.sessionSecret,
        bodies: Array.from({ length: TERMS }, (_, t) =>
          JSON.stringify({
            query: `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`,
            variables: {
              input: {
                campaignId: target.id,
                termId: globalId('Term', intakeTerms[(t + v) % TERMS]),
                answers: answersOf(target.criteria, ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'DONT_KNOW'][(t + v) % 4]),
              },
            },
          }),
        ),
      }));
      const serverCpu = process.cpuUsage();
      const postgresCpu = postgresCpuMs();
      const measured = await send({ url, clients });
      const { user, system } = process.cpuUsage(serverCpu);
      const postgresAfter = postgresCpuMs();
      if (measured.refusal) throw new Error(`a ballot was refused: ${measured.refusal}`);
      const [stored] = await sql<{ ballots: number; participations: number }>(
        owner.em.fork(),
        `select (select count(*)::int from ballot where campaign_id = ?) as ballots, (select count(*)::int from participation where campaign_id = ?) as participations`,
        [uuidOf(target.id), uuidOf(target.id)],
      );
      return {
        ...measured,
        serverCpuMs: (user + system) / 1000,
        postgresCpuMs: postgresCpu === null || postgresAfter === null ? null : postgresAfter - postgresCpu,
        stored,
      };
    };
    let rounds: Awaited<ReturnType<typeof intake>>[];
    try {
      // Warm-up: the first requests compile and plan everything.
      for (let round = 0; round < INTAKE_WARM_UP_ROUNDS; round++) await intake();
      rounds = [];
      for (let round = 0; round < INTAKE_ROUNDS; round++) rounds.push(await intake());
    } finally {
      generator.kill();
    }
    const rates = rounds.map((round) => round.accepted / round.seconds);
    const middle = rounds[rates.indexOf(median(rates))];
    const latencies = middle.latencies.sort((a, b) => a - b);
    const perBallot = (total: (round: (typeof rounds)[number]) => number | null) => {
      const totals = rounds.map(total);
      if (totals.some((value) => value === null)) return 'n/a';
      return ((totals as number[]).reduce((sum, value) => sum + value, 0) / rounds.reduce((sum, round) => sum + round.accepted, 0)).toFixed(
        2,
      );
    };
    report(
      `Ballot intake over HTTP, ${CLIENTS} concurrent citizens × ${TERMS} cadres (${middle.accepted} ballots), median of ${INTAKE_ROUNDS} rounds`,
      `${median(rates).toFixed(0)} ballots/s (rounds: ${rates.map((rate) => rate.toFixed(0)).join(', ')}), p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; CPU ms a ballot: server ${perBallot((round) => round.serverCpuMs)}, load generator ${perBallot((round) => round.cpuMs)}, PostgreSQL ${perBallot((round) => round.postgresCpuMs)} (${loadAverage()})`,
      '≥ 500 ballots/s',
    );
    const consistent = rounds.every((round) => round.stored.ballots === round.accepted && round.stored.participations === round.accepted);
    report(
      'Ballot intake: stored ballots = participation records = accepted answers',
      rounds.map((round) => `${round.stored.ballots} = ${round.stored.participations} = ${round.accepted}`).join('; '),
      'equal',
    );
    if (!consistent) throw new Error('ballots, participations and accepted answers differ');
    if (intakeOnly) return;

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
