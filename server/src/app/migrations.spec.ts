import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../test/support/test-orm';

/** The committed migrations and the entities describe the same database: no drift either way. */
describe('migrations', () => {
  const orm = useTestOrm();

  it('leave nothing for the schema generator to change', async () => {
    const diff = await orm().getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('are all applied, and none is pending', async () => {
    expect(await orm().getMigrator().getPendingMigrations()).toEqual([]);
  });
});
