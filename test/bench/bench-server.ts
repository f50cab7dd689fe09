import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { derivedBallotSecret, loadConfig } from '../../server/src/app/config';
import { createApp, type App } from '../../server/src/app/create-app';
import { prepareRuntimeRole, runtimeUrl } from '../../server/src/app/database-roles';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/app/embedded-postgres';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { seedDemo } from '../../server/src/seeders/demo-seed';
import { processTreeCpuMs } from './process-cpu';

/** The platform as an HTTP bench measures it: the seeded demo on a throw-away PostgreSQL, served as the runtime role. */
export interface BenchServer {
  /** The database as its owner (fixtures, what the server may not do). */
  owner: MikroORM;
  ownerUrl: string;
  url: string;
  /** The CPU time PostgreSQL (its postmaster and every backend) has used so far, or null where /proc cannot say. */
  postgresCpuMs(): number | null;
  /** Closes the server and both connections, stops PostgreSQL and removes its data. */
  stop(): Promise<void>;
}

/**
 * Starts a bench's server: a PostgreSQL of its own (durable — fsync and synchronous commit on — when the
 * figure counts commits' flushes), migrated and seeded with the demo, and the platform as the runtime role,
 * as in production, with the request limits lifted so that the figure is the platform's throughput.
 */
export async function startBenchServer(name: string, { durable }: { durable: boolean }): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `massline-bench-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, ephemeral: !durable });
  const removeData = async () => {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const database = `bench_${name}`;
    await ensureDatabase(pg.url('postgres'), database);
    const ownerUrl = pg.url(database);
    const owner = await MikroORM.init(ormConfig(ownerUrl, { poolMax: 4 }));
    await owner.getMigrator().up();
    await seedDemo(owner.em.fork());
    await prepareRuntimeRole(ownerUrl, { role: 'bench_runtime', manage: true });
    const orm = await MikroORM.init(ormConfig(runtimeUrl(ownerUrl, 'bench_runtime'), { poolMax: 10 }));
    const defaults = loadConfig();
    const config = loadConfig({
      databaseUrl: runtimeUrl(ownerUrl, 'bench_runtime'),
      port: 0,
      ballotSecret: derivedBallotSecret(ownerUrl),
      ledgerKeyFile: path.join(dataDir, 'ledger-signing-key.pem'),
      runScheduledJobs: false,
      requestsPerAddressPerMinute: Number.MAX_SAFE_INTEGER,
      graphql: { ...defaults.graphql, costPerMinute: Number.MAX_SAFE_INTEGER },
    });
    const app: App = await createApp(config, orm);
    const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    return {
      owner,
      ownerUrl,
      url,
      postgresCpuMs: () => {
        const pid = postmasterPid(dataDir);
        return pid === null ? null : processTreeCpuMs(pid);
      },
      async stop() {
        await app.close();
        await orm.close(true);
        await owner.close(true);
        await removeData();
      },
    };
  } catch (error) {
    await removeData();
    throw error;
  }
}

/** The postmaster's process id, from the first line of `postmaster.pid` in the cluster's directory (somewhere under dataDir). */
export function postmasterPid(dataDir: string): number | null {
  const file = (fs.readdirSync(dataDir, { recursive: true }) as string[]).find((entry) => path.basename(entry) === 'postmaster.pid');
  if (!file) return null;
  const pid = Number(fs.readFileSync(path.join(dataDir, file), 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
