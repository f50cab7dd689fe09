import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { derivedBallotSecret, REPO_ROOT } from '../../server/src/app/config';
import type { TestDatabase } from './test-database';

/**
 * The real server as a process of its own (`server/src/main.ts`, as `npm run dev` starts it) on a test
 * database: for what only a process shows — being killed with SIGKILL in the middle of a load.
 */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no drain; resolves when the process is gone. */
  kill(): Promise<void>;
}

export async function startServerProcess(database: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(REPO_ROOT, 'server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: path.join(REPO_ROOT, 'server/tsconfig.json'),
      DATABASE_URL: database.runtimeUrl,
      DATABASE_OWNER_URL: database.url,
      BALLOT_SECRET: derivedBallotSecret(database.url),
      // The same key file the in-process test server of this database uses (test-server.ts).
      LEDGER_KEY_FILE: path.join(os.tmpdir(), 'massline-ledger-keys', `${database.name}.pem`),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      RUN_SCHEDULED_JOBS: 'false',
      REQUESTS_PER_ADDRESS_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready: console http:\/\/localhost:(\d+)\//.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${ready[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
