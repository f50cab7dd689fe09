import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { ormConfig } from './mikro-orm.config';

/** The committed migrations and the entities describe the same database: no drift either way. */
describe('migrations', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormConfig(database.url, { poolMax: 2 }));
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('leave nothing for the schema generator to change', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('are all applied, and none is pending', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  });
});
