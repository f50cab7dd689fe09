import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { runtimeUrl } from '../../server/src/app/database-roles';
import { TEST_RUNTIME_ROLE, withDatabase } from './global-database';

export interface TestDatabase {
  /** As the owner (the cluster's superuser): migrations, fixtures, what the server itself may not do. */
  url: string;
  /** As the runtime role, as the server connects. */
  runtimeUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh copy of the migrated, demo-seeded template, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const template = inject('templateDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}" template "${template}"`);
  } finally {
    await client.end();
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    runtimeUrl: runtimeUrl(withDatabase(adminUrl, name), TEST_RUNTIME_ROLE),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
