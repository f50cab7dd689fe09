import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { harmony } from '@massline/shared';
import { loadConfig, REPO_ROOT } from '../../server/src/app/config';
import { createApp } from '../../server/src/app/create-app';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/app/embedded-postgres';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { sql } from '../../server/src/common/sql';
import { loadVersion, observedPeriods, recomputeAssessments } from '../../server/src/modules/harmony/assessment-store';

/**
 * `npm run bench`: figures, not assertions. A throw-away embedded PostgreSQL, synthetic data of the
 * issue's size, each figure the median of several runs after a warm-up.
 */
const results: [string, string, string][] = [];
const report = (what: string, figure: string, target: string) => {
  results.push([what, figure, target]);
  console.log(`${what}: ${figure} (target ${target})`);
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function benchGini(): Promise<void> {
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 4294967296);
  const n = 1_000_000;
  const incomes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    incomes[i] = Math.exp(10 + 0.8 * (random() + random() + random() - 1.5));
    weights[i] = 0.5 + random() * 2;
  }
  return time(7, () => harmony.giniFromMicrodata(incomes, weights)).then((ms) => report('Gini of 1,000,000 weighted incomes', `${(ms / 1000).toFixed(3)} s`, '< 0.3 s'));
}

/** 1 province, 30 cities, 300 counties, 2,669 townships = 3,000 regions; 20 quarters; 7 indicators. */
async function seedSynthetic(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  await sql(em, `insert into region (id, code, name, name_en, level, parent_id, path) values (gen_random_uuid(), '99', '测', 'Bench', 'PROVINCE', null, '/99/')`);
  await sql(em, `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), '99' || lpad(c::text, 2, '0'), 'c', 'City ' || c, 'CITY', (select id from region where code = '99'), '/99/99' || lpad(c::text, 2, '0') || '/'
      from generate_series(1, 30) c`);
  await sql(em, `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), p.code || lpad(k::text, 2, '0'), 'k', 'County', 'COUNTY', p.id, p.path || p.code || lpad(k::text, 2, '0') || '/'
      from region p, generate_series(1, 10) k where p.level = 'CITY'`);
  await sql(em, `insert into region (id, code, name, name_en, level, parent_id, path)
    select gen_random_uuid(), code, 't', 'Town', 'TOWNSHIP', parent_id, path from (
      select p.code || lpad(t::text, 3, '0') as code, p.id as parent_id, p.path || p.code || lpad(t::text, 3, '0') || '/' as path,
             row_number() over (order by p.code, t) as n
        from region p, generate_series(1, 9) t where p.level = 'COUNTY') x where n <= 2669`);
  const periods = Array.from({ length: 20 }, (_, i) => `${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  await sql(em, `insert into region_statistics (id, region_id, period, population, households)
    select gen_random_uuid(), r.id, y::text, 20000 + (abs(hashtext(r.code || y)) % 40000), 8000 + (abs(hashtext(r.code)) % 12000)
      from region r, generate_series(2022, 2026) y`);
  // Values spread like the demo's: most regions in the healthy half of each goalpost range, some not, so
  // that alerts are raised at a realistic rate (about one region in eight).
  await sql(em, `insert into observation (id, region_id, period, indicator_id, value, method)
    select gen_random_uuid(), r.id, p, i.id,
           case when i.direction = 'LOWER_IS_BETTER'
                then i.goalpost_lower + (i.goalpost_upper - i.goalpost_lower) * power((abs(hashtext(r.code || p || i.code)) % 1000) / 1000.0, 2) * 0.6
                else i.goalpost_upper - (i.goalpost_upper - i.goalpost_lower) * power((abs(hashtext(r.code || p || i.code)) % 1000) / 1000.0, 2) * 0.6 end,
           'DIRECT'
      from region r, unnest(?::text[]) p, indicator i where r.level <> 'PROVINCE'`, [periods]);
  return periods;
}

async function benchDatabase(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'massline-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, port: 55000 + Math.floor(Math.random() * 900), ephemeral: true });
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    const orm = await MikroORM.init(ormConfig(pg.url('bench'), { poolMax: 10 }));
    await orm.getMigrator().up();
    const seeded = performance.now();
    const periods = await seedSynthetic(orm);
    const [{ regions, observations }] = await sql<{ regions: string; observations: string }>(
      orm.em.fork(),
      'select (select count(*) from region)::text as regions, (select count(*) from observation)::text as observations',
    );
    console.log(`synthetic data: ${regions} regions, ${observations} observations, ${periods.length} periods (${((performance.now() - seeded) / 1000).toFixed(1)} s)`);

    const timings = { load: 0, compute: 0, write: 0 };
    const recompute = await time(3, async () => {
      const em = orm.em.fork();
      await em.transactional(async (tem) => {
        const version = await loadVersion(tem, null);
        await recomputeAssessments(tem, version!, await observedPeriods(tem), timings);
      });
    });
    console.log(`last recompute: load ${timings.load.toFixed(0)} ms, compute ${timings.compute.toFixed(0)} ms, write ${timings.write.toFixed(0)} ms`);
    const [{ count, alerts }] = await sql<{ count: string; alerts: string }>(orm.em.fork(), 'select (select count(*) from assessment)::text as count, (select count(*) from alert)::text as alerts');
    console.log(`${alerts} alerts raised`);
    report(`Recompute all assessments (${regions} regions × ${periods.length} periods × 7 indicators → ${count} assessments)`, `${(recompute / 1000).toFixed(2)} s`, '< 2 s');
    await sql(orm.em.fork(), 'update assessment set published = true');

    // The public dashboard over HTTP: 50 regions with index and breakdown, statements and throughput.
    const app = await createApp(loadConfig({ databaseUrl: pg.url('bench'), port: 0, webDist: path.join(REPO_ROOT, 'web/dist') }), orm);
    const port = await app.listen(0, '127.0.0.1');
    const [{ id: provinceCityParent }] = await sql<{ id: string }>(orm.em.fork(), `select id from region where code = '9901'`);
    let statements = 0;
    orm.em.getConnection().getKnex().on('query', () => statements++);
    const dashboard = (first: number) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query ($first: Int!, $parent: ID) { assessments(first: $first, filter: { period: "2026-Q4", parentId: $parent }) { totalCount edges { node { region { code nameEn } index grade rank change scores { code normalizedScore contribution } } } } }`,
          variables: { first, parent: first === 1 ? provinceCityParent : null },
        }),
      }).then((response) => response.json());
    const counted = async (first: number) => {
      statements = 0;
      await dashboard(first);
      return statements;
    };
    const one = await counted(1);
    const fifty = await counted(50);
    report('Public dashboard query, SQL statements for 1 region / 50 regions', `${one} / ${fifty}`, 'equal');
    const requests = 400;
    const concurrency = 10;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < requests / concurrency; i++) await dashboard(50);
    }));
    const seconds = (performance.now() - started) / 1000;
    report('Public dashboard query (50 regions with breakdown), 10 concurrent clients', `${(requests / seconds).toFixed(0)} requests/s, ${((seconds / requests) * concurrency * 1000).toFixed(1)} ms each`, 'figure only');
    await app.close();
    await orm.close(true);
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function benchBundle(): void {
  const dist = path.join(REPO_ROOT, 'web/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const gzip = files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length, 0);
  report(`Console first-load JS (${files.length} files, gzip)`, `${(gzip / 1024).toFixed(1)} KiB`, '< 150 KiB (react-admin 319, Refine 549)');
}

async function main(): Promise<void> {
  await benchGini();
  benchBundle();
  await benchDatabase();
  console.log('\n| benchmark | figure | target |\n|---|---|---|');
  for (const [what, figure, target] of results) console.log(`| ${what} | ${figure} | ${target} |`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
