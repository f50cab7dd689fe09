import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

async function serverPort(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ port: string }>('show port');
    return Number(rows[0].port);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const started: EmbeddedPostgres[] = [];
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(started.map((pg) => pg.stop()));
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('takes a free port by default, so that two instances start side by side without configuration', async () => {
    const config = loadConfig({}, {});
    expect(config.embeddedPostgresPort).toBeNull();
    const start = () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'massline-side-by-side-'));
      fs.chmodSync(dataDir, 0o755);
      folders.push(dataDir);
      return startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort ?? undefined, ephemeral: true });
    };
    const [first, second] = await Promise.all([start(), start()]);
    started.push(first, second);
    expect(first.port).not.toBe(second.port);
    expect(await serverPort(first.url('postgres'))).toBe(first.port);
    expect(await serverPort(second.url('postgres'))).toBe(second.port);
  });

  it('keeps a configured port', () => {
    expect(loadConfig({}, { EMBEDDED_POSTGRES_PORT: '55999' }).embeddedPostgresPort).toBe(55999);
  });
});
