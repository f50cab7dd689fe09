import 'reflect-metadata';
import { afterAll, beforeAll } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A copy of the migrated, demo-seeded template and a MikroORM on it, for the tests of one `describe`
 * (created before them, closed and dropped after), with `poolMax` connections. Returns the ORM's getter.
 */
export function useTestOrm(poolMax = 2): () => MikroORM {
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormConfig(database.url, { poolMax }));
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });
  return () => {
    if (!orm) throw new Error('useTestOrm: the database is not ready (used outside a test?)');
    return orm;
  };
}
