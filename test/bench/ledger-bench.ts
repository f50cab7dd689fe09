import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/app/embedded-postgres';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { sql } from '../../server/src/common/sql';
import { ledgerIsoTime, ledgerRowRecord } from '../../server/src/modules/ledger/ledger-record-type';
import { LedgerSigner } from '../../server/src/modules/ledger/ledger-signer';
import { LedgerService } from '../../server/src/modules/ledger/ledger.service';
import { processTreeCpuMs } from './process-cpu';

type Report = (what: string, figure: string, target: string) => void;

const VERIFIED = 100_000;
const PROVEN = 1_000_000;
const BATCH = 50_000;

/**
 * `LEDGER_BENCH=verify npm run bench -- ledger`: only the 100,000-entry verification (fill, then
 * `LEDGER_BENCH_RUNS` measured runs, 5 by default), for iterating on the verifier in seconds rather
 * than the minutes the million-entry fill takes.
 */
const VERIFY_ONLY = process.env.LEDGER_BENCH === 'verify';
const VERIFY_RUNS = Number(process.env.LEDGER_BENCH_RUNS ?? (VERIFY_ONLY ? 5 : 3));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/**
 * A record type shaped like a grant's step (its payload a row's columns as canonical JSON, facts in
 * jsonb), so that verification reads and hashes what it reads for the demo's grants.
 */
const BENCH_RECORDS = ledgerRowRecord('BenchStep', 'bench_step', {
  date: 't.date::text',
  facts: 't.facts',
  grantId: 't.grant_id',
  id: 't.id',
  recordedAt: ledgerIsoTime('t.recorded_at'),
  step: 't.step',
});

/**
 * Fills the ledger up to `size` entries through the ledger's own append (the owner's connection), so that
 * what the bench proves and verifies is exactly what the platform writes: each batch's records written
 * set-based (generate_series), then appended at once — their payloads read in one statement, payload,
 * entry and leaf hashes and the chain computed in this process, entries and tree nodes inserted from
 * arrays (unnest) in two statements. A million entries take minutes (it was ~35 min while grouping the
 * payloads' ids copied the list for every record).
 */
async function fill(orm: MikroORM, service: LedgerService, size: number): Promise<number> {
  const start = performance.now();
  for (let from = await service.head({ em: orm.em.fork() }).then((head) => head.treeSize); from < size; from += BATCH) {
    const count = Math.min(BATCH, size - from);
    await orm.em.fork().transactional(async (em) => {
      const rows = await sql<{ id: string }>(
        em,
        `insert into bench_step (id, grant_id, step, date, facts, recorded_at)
         select gen_random_uuid(), gen_random_uuid(), (array['MOTION','RECOMMENDATION','INSPECTION','DECISION','NOTICE','TAKING_EFFECT'])[1 + i % 6],
                date '2022-01-01' + (i % 1500)::int, jsonb_build_object('summary', 'Bench step ' || i, 'members', 11, 'present', 9 + i % 3),
                timestamptz '2026-01-01 08:00:00+00' + i::int * interval '1 second'
           from generate_series(?::bigint, ?::bigint) as i returning id`,
        [from, from + count - 1],
      );
      await service.append(
        em,
        rows.map((row) => ({ type: BENCH_RECORDS.type, id: row.id })),
      );
    });
  }
  return performance.now() - start;
}

/**
 * Mechanism 3's ledger figures (`npm run bench -- ledger`): `verifyLedger` over 100,000 entries (every
 * payload recomputed from its record, every entry hash, leaf and tree node), and an inclusion proof for
 * one record of 1,000,000 entries (with its signed head), each the median of several runs.
 */
export async function benchLedger(report: Report): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'massline-bench-ledger-'));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  const keyFile = path.join(dataDir, 'ledger-signing-key.pem');
  try {
    await ensureDatabase(pg.url('postgres'), 'bench_ledger');
    const orm = await MikroORM.init(ormConfig(pg.url('bench_ledger'), { poolMax: 4 }));
    await orm.getMigrator().up();
    await sql(
      orm.em.fork(),
      `create table bench_step (id uuid primary key, grant_id uuid not null, step text not null, date date not null, facts jsonb not null,
                                recorded_at timestamptz(3) not null)`,
    );
    const service = new LedgerService(new LedgerSigner(keyFile));
    service.registerRecordType(BENCH_RECORDS);
    const reader = () => ({ em: orm.em.fork() });

    const filled = await fill(orm, service, VERIFIED);
    await sql(orm.em.fork(), 'vacuum analyze ledger_entry, ledger_node, bench_step');
    console.log(`ledger filled to ${VERIFIED.toLocaleString('en')} entries in ${(filled / 1000).toFixed(1)} s`);
    // PostgreSQL's CPU: its postmaster (a backend's parent) and every backend, live or reaped.
    const [{ pid: backend }] = await sql<{ pid: number }>(orm.em.fork(), 'select pg_backend_pid() as pid');
    const postmaster = Number(fs.readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
    const verifications: { ms: number; nodeCpuMs: number; postgresCpuMs: number | null }[] = [];
    for (let run = 0; run <= VERIFY_RUNS; run++) {
      const start = performance.now();
      const nodeCpu = process.cpuUsage();
      const postgresCpu = processTreeCpuMs(postmaster);
      const result = await service.verify(reader());
      if (!result.valid || result.checked !== VERIFIED) throw new Error(`the bench ledger does not verify: ${JSON.stringify(result)}`);
      const { user, system } = process.cpuUsage(nodeCpu);
      const postgresAfter = processTreeCpuMs(postmaster);
      const measured = {
        ms: performance.now() - start,
        nodeCpuMs: (user + system) / 1000,
        postgresCpuMs: postgresCpu === null || postgresAfter === null ? null : postgresAfter - postgresCpu,
      };
      console.log(
        `verify run ${run}${run === 0 ? ' (warm-up)' : ''}: ${measured.ms.toFixed(0)} ms, Node CPU ${measured.nodeCpuMs.toFixed(0)} ms, PostgreSQL CPU ${measured.postgresCpuMs ?? '?'} ms`,
      );
      if (run > 0) verifications.push(measured);
    }
    const postgresCpuMs = verifications.map((v) => v.postgresCpuMs).filter((ms): ms is number => ms !== null);
    report(
      `verifyLedger over ${VERIFIED.toLocaleString('en')} entries (payloads from their records, chain, leaves, tree nodes)`,
      `${(median(verifications.map((v) => v.ms)) / 1000).toFixed(2)} s (CPU: Node ${(median(verifications.map((v) => v.nodeCpuMs)) / 1000).toFixed(2)} s, PostgreSQL ${postgresCpuMs.length > 0 ? (median(postgresCpuMs) / 1000).toFixed(2) : '?'} s)`,
      '< 2 s',
    );
    if (VERIFY_ONLY) {
      await orm.close(true);
      return;
    }

    const extended = await fill(orm, service, PROVEN);
    await sql(orm.em.fork(), 'vacuum analyze ledger_entry, ledger_node, bench_step');
    report(
      `Bench fill from ${VERIFIED.toLocaleString('en')} to ${PROVEN.toLocaleString('en')} entries through LedgerService.append (batches of ${BATCH.toLocaleString('en')})`,
      `${(extended / 1000).toFixed(0)} s`,
      'minutes, not half an hour',
    );
    // The entries just filled, checked by the real verifier: the last 100,000 (chain from the entry
    // before them, payloads from their records, leaves, every stored node inside the range).
    const late = performance.now();
    const lateResult = await service.verify(reader(), PROVEN - VERIFIED, PROVEN);
    if (!lateResult.valid || lateResult.checked !== VERIFIED)
      throw new Error(`the filled ledger does not verify: ${JSON.stringify(lateResult)}`);
    report(
      `verifyLedger over entries ${(PROVEN - VERIFIED).toLocaleString('en')}–${PROVEN.toLocaleString('en')} of the filled ledger (one run, cold)`,
      `${((performance.now() - late) / 1000).toFixed(2)} s`,
      '< 2 s',
    );
    const records = await sql<{ id: string }>(
      orm.em.fork(),
      'select record_id as id from ledger_entry where sequence % 9973 = 17 order by sequence',
    );
    const proofs: number[] = [];
    for (const [i, { id }] of records.entries()) {
      const start = performance.now();
      const proof = await service.inclusionProof(reader(), { recordId: id });
      if (proof.treeSize !== PROVEN) throw new Error(`proved in a tree of ${proof.treeSize}`);
      if (i > 2) proofs.push(performance.now() - start);
    }
    const sorted = [...proofs].sort((a, b) => a - b);
    report(
      `Inclusion proof for one record of ${PROVEN.toLocaleString('en')} entries, with its signed head (${proofs.length} records)`,
      `median ${median(proofs).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
      '< 10 ms',
    );
    const consistency: number[] = [];
    for (let i = 0; i < 40; i++) {
      const fromSize = 1 + ((i * 24_989) % (PROVEN - 1));
      const start = performance.now();
      const proof = await service.consistencyProof(reader(), fromSize);
      if (proof.toSize !== PROVEN) throw new Error(`consistency proven to a tree of ${proof.toSize}`);
      if (i > 2) consistency.push(performance.now() - start);
    }
    const consistencySorted = [...consistency].sort((a, b) => a - b);
    report(
      `Consistency proof from an earlier head to the ledger of ${PROVEN.toLocaleString('en')} entries, both heads signed (${consistency.length} sizes)`,
      `median ${median(consistency).toFixed(1)} ms, p99 ${percentile(consistencySorted, 99).toFixed(1)} ms`,
      'figure only',
    );
    await orm.close(true);
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
