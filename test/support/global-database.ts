import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/src/app/embedded-postgres';
import { prepareRuntimeRole } from '../../server/src/app/database-roles';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { seedDemo } from '../../server/src/seeders/demo-seed';

/**
 * One PostgreSQL server per test run: the embedded one by default, or the server at DATABASE_URL (CI runs
 * the suites against Debian's PostgreSQL that way). A template database is migrated and seeded with the
 * demo province once; each test file then gets its own copy (CREATE DATABASE … TEMPLATE, tens of ms), so
 * files are isolated and run in parallel.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

/** The runtime role of every test database (roles are cluster-wide; the grants are per database). */
export const TEST_RUNTIME_ROLE = 'massline_test_runtime';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedPostgres | null = null;
  let dataDir: string | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'massline-test-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    adminUrl = embedded.url('postgres');
  }
  const template = `massline_template_${process.pid}_${project.name}`;
  await admin(adminUrl, async (client) => {
    await client.query(`drop database if exists "${template}"`);
    await client.query(`create database "${template}"`);
  });
  const orm = await MikroORM.init(ormConfig(withDatabase(adminUrl, template), { poolMax: 2 }));
  try {
    await orm.getMigrator().up();
    await seedDemo(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  // The servers under test run as the runtime role, as `npm start` does; its grants are copied with the template.
  await prepareRuntimeRole(withDatabase(adminUrl, template), { role: TEST_RUNTIME_ROLE, manage: true });
  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    } else {
      await admin(adminUrl, async (client) => {
        const leftovers = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
          `${template}%`,
        ]);
        for (const { datname } of leftovers.rows) await client.query(`drop database if exists "${datname}" with (force)`);
        await client.query(`drop database if exists "${template}" with (force)`);
      });
    }
  };
}
