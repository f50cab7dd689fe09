import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase, startEmbeddedPostgres } from '../app/embedded-postgres';
import { ormConfig } from '../app/mikro-orm.config';

/**
 * `npm run migration:diff`: the SQL that would bring a database migrated with the committed migrations
 * to what the entities describe — the body of the next migration (add triggers and data by hand).
 * Runs on a throw-away embedded PostgreSQL; prints nothing when entities and migrations agree.
 */
async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'massline-diff-'));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    await ensureDatabase(pg.url('postgres'), 'diff');
    const orm = await MikroORM.init(ormConfig(pg.url('diff'), { poolMax: 2 }));
    await orm.getMigrator().up();
    const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    process.stdout.write(sql);
    await orm.close(true);
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
