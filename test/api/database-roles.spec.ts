import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALED_TABLES } from '../../server/src/app/database-roles';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The server runs as a runtime role that owns nothing and is not a superuser. What an attacker with the
 * application's own connection tried — skipping triggers, disabling them, rewriting a column, plain
 * UPDATE/DELETE/TRUNCATE of history, back-dating — is refused by the database itself.
 */
describe('the runtime database role', () => {
  let server: TestServer;
  let runtime: Client;
  let role: string;
  beforeAll(async () => {
    server = await startTestServer();
    runtime = new Client({ connectionString: server.database.runtimeUrl });
    await runtime.connect();
    role = (await runtime.query<{ role: string }>('select current_user as role')).rows[0].role;
  });
  afterAll(async () => {
    await runtime?.end();
    await server?.close();
  });

  /** Runs a statement in a transaction that is rolled back whatever happens; returns the error, if any. */
  async function attempt(...statements: string[]): Promise<string | null> {
    await runtime.query('begin');
    try {
      for (const statement of statements) await runtime.query(statement);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await runtime.query('rollback');
    }
  }

  const count = async (table: string) => Number((await runtime.query(`select count(*) as n from ${table}`)).rows[0].n);

  it('is what the server connects as: not a superuser, owner of no table', async () => {
    const attributes = await runtime.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(attributes.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await runtime.query(`select relname from pg_class where relowner = (select oid from pg_roles where rolname = $1)`, [
      role,
    ]);
    expect(owned.rows).toEqual([]);
    const serverRole = await server.orm.em.getConnection().execute<{ role: string }[]>('select current_user as role');
    expect(serverRole[0].role).toBe(role);
  });

  describe.each(['audit_entry', 'security_event', 'observation_revision', 'methodology_version'])('%s', (table) => {
    it('cannot be emptied or rewritten by DELETE, TRUNCATE or UPDATE', async () => {
      // Privileges are checked before any row is touched: an empty table refuses as a full one does.
      const before = await count(table);
      expect(await attempt(`delete from ${table}`)).toMatch(/permission denied/);
      expect(await attempt(`truncate ${table}`)).toMatch(/permission denied/);
      expect(await attempt(`update ${table} set id = id`)).toMatch(/permission denied/);
      expect(await count(table)).toBe(before);
    });

    it('cannot be reached behind the triggers: session_replication_role, DISABLE TRIGGER, ALTER COLUMN … USING', async () => {
      expect(await attempt(`set local session_replication_role = replica`, `delete from ${table}`)).toMatch(/permission denied/);
      expect(await attempt(`alter table ${table} disable trigger user`)).toMatch(/must be owner/);
      expect(await attempt(`alter table ${table} alter column id type text using 'forged'`)).toMatch(/must be owner/);
      const { rows } = await runtime.query<{ name: string }>(
        `select tgname as name from pg_trigger where tgrelid = $1::regclass and not tgisinternal order by tgname limit 1`,
        [table],
      );
      expect(await attempt(`drop trigger "${rows[0].name}" on ${table}`)).toMatch(/must be owner/);
      expect(await attempt(`drop table ${table}`)).toMatch(/must be owner/);
    });
  });

  it.each(['audit_entry', 'observation_revision', 'security_event'])(
    '%s is append-only even for its owner: the platform trigger refuses TRUNCATE',
    async (table) => {
      await expect(server.ownerOrm.em.fork().getConnection().execute(`truncate ${table}`)).rejects.toThrow(/append-only/);
    },
  );

  it('may still move what the application moves: activate a methodology version, but not rewrite it', async () => {
    expect(await attempt(`update methodology_version set active = active, activated_at = activated_at`)).toBeNull();
    expect(await attempt(`update methodology_version set settings = '{}'::jsonb`)).toMatch(/permission denied/);
  });

  it('may only append to a sealed table (ballot): no SELECT, UPDATE, DELETE or TRUNCATE, and EXECUTE of the owner functions', async () => {
    expect(SEALED_TABLES).toEqual(['ballot']);
    const privileges = await runtime.query<{ privilege: string; granted: boolean }>(
      `select p as privilege, has_table_privilege(current_user, 'ballot', p) as granted
         from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p`,
    );
    expect(Object.fromEntries(privileges.rows.map((row) => [row.privilege, row.granted]))).toEqual({
      SELECT: false,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      REFERENCES: false,
      TRIGGER: false,
    });
    expect(await attempt('select count(*) from ballot')).toMatch(/permission denied/);
    const functions = await runtime.query<{ name: string; definer: boolean; callable: boolean }>(
      `select proname as name, prosecdef as definer, has_function_privilege(current_user, oid, 'execute') as callable
         from pg_proc where proname like 'evaluation\\_%' order by proname`,
    );
    expect(functions.rows.every((f) => f.definer && f.callable)).toBe(true);
    expect(functions.rows.map((f) => f.name)).toEqual([
      'evaluation_ballot_counts',
      'evaluation_close',
      'evaluation_comments',
      'evaluation_receipt_campaign',
      'evaluation_shuffle',
      'evaluation_tally',
    ]);
  });

  it('cannot create tables of its own, nor read the migrations', async () => {
    expect(await attempt('create table planted (id int)')).toMatch(/permission denied/);
    expect(await attempt('select * from mikro_orm_migrations')).toMatch(/permission denied/);
  });

  it('cannot back-date history: the database sets the time of an audit entry, a replaced value and a version', async () => {
    const forged = '2001-01-01T00:00:00Z';
    await runtime.query(
      `insert into audit_entry (id, occurred_at, actor_kind, action, subject_type, subject_id)
       values (gen_random_uuid(), $1, 'SYSTEM', 'test.backdate', 'Test', 'x')`,
      [forged],
    );
    const { rows } = await runtime.query<{ occurred_at: Date }>(`select occurred_at from audit_entry where action = 'test.backdate'`);
    expect(rows).toHaveLength(1);
    expect(Math.abs(rows[0].occurred_at.getTime() - Date.now())).toBeLessThan(60_000);

    const stamped = await server.ownerOrm.em
      .getConnection()
      .execute<{ table: string }[]>(
        `select event_object_table as table from information_schema.triggers where trigger_name like '%\\_by\\_database' order by 1`,
      );
    expect(stamped.map((row) => row.table)).toEqual([
      'audit_entry',
      'inspection',
      'methodology_version',
      'observation_revision',
      'security_event',
      'special_audit',
      'verdict_settings',
    ]);
  });
});
