import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { MANIFESTS } from './modules';

/**
 * Two database roles. The OWNER (the embedded cluster's superuser, DATABASE_OWNER_URL, or DATABASE_URL
 * when no owner URL is given) owns the tables and runs the migrations. The server itself connects as the
 * RUNTIME role: not a superuser, owner of nothing, with only the grants below. Because it owns nothing it
 * cannot ALTER a table, disable its triggers or rewrite a column; because it is not a superuser it cannot
 * set `session_replication_role` to skip triggers; and where history must hold, it has no UPDATE, DELETE
 * or TRUNCATE grant at all. The append-only triggers then guard against the owner's own mistakes, and
 * the grants against the application's.
 */

/** Tables the runtime role may only read and append to, as the modules declare them. */
export const APPEND_ONLY_TABLES: readonly string[] = MANIFESTS.flatMap((module) => module.appendOnlyTables ?? []);

/**
 * Tables whose rows are immutable but for a few columns the application moves (a methodology version is
 * activated): INSERT and SELECT, and UPDATE of these columns only; never DELETE.
 */
export const GUARDED_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.assign(
  {},
  ...MANIFESTS.map((module) => module.guardedColumns ?? {}),
);

/**
 * Tables the runtime role may write to but never read: INSERT only. What is in them comes back only as
 * the aggregates of the owner's SECURITY DEFINER functions (a ballot is never read row by row, so its
 * system columns — xmin, ctid — cannot be joined to the rows written in the same transaction).
 */
export const SEALED_TABLES: readonly string[] = MANIFESTS.flatMap((module) => module.sealedTables ?? []);

/** Tables the runtime role has no business with at all. */
const OWNER_ONLY_TABLES = ['mikro_orm_migrations'];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The runtime role of a database: `<database>_runtime`, shortened by a hash past PostgreSQL's 63 bytes. */
export function runtimeRoleName(database: string): string {
  const plain = `${database}_runtime`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (Buffer.byteLength(plain) <= 63) return plain;
  return `massline_runtime_${createHmac('sha256', 'role').update(database).digest('hex').slice(0, 24)}`;
}

/**
 * The runtime role's password, derived from the owner's: every instance that knows the owner computes the
 * same one (no shared state), and the runtime password does not reveal the owner's.
 */
export function runtimePassword(ownerUrl: string, role: string): string {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  return createHmac('sha256', `massline-runtime:${ownerPassword}`).update(role).digest('base64url');
}

/** The owner's URL with the runtime role's credentials. */
export function runtimeUrl(ownerUrl: string, role: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(runtimePassword(ownerUrl, role));
  return url.toString();
}

export interface RuntimeRole {
  /** The runtime role's name. */
  role: string;
  /** Create the role (login, no other attribute) if missing and set its derived password. */
  manage: boolean;
}

/**
 * As the owner, after the migrations: make sure the runtime role exists (when we manage it) and holds
 * exactly the grants it needs on the tables as they now are. Idempotent; run at every start, so a table
 * added by a later migration gets its grants without a default-privileges rule to forget.
 */
export async function prepareRuntimeRole(ownerUrl: string, { role, manage }: RuntimeRole): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Roles are cluster-wide: two servers starting at once on one cluster must not both create it.
    await client.query(`select pg_advisory_xact_lock(hashtext('massline runtime role ' || $1))`, [role]);
    if (manage) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      if (exists.rowCount === 0) await client.query(`create role ${quote(role)} login`);
      const password = runtimePassword(ownerUrl, role);
      await client.query(
        `alter role ${quote(role)} login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls password ${literal(password)}`,
      );
    }
    const { rows } = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = $1', [role]);
    if (rows.length === 0) throw new Error(`the runtime role "${role}" does not exist: create it, or leave DATABASE_OWNER_URL unset`);
    if (rows[0].rolsuper) throw new Error(`the runtime role "${role}" is a superuser: the server must not run as one`);
    await grantRuntimePrivileges(client, role);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function grantRuntimePrivileges(client: Client, role: string): Promise<void> {
  const r = quote(role);
  const { rows } = await client.query<{ database: string }>('select current_database() as database');
  await client.query(`grant connect, temporary on database ${quote(rows[0].database)} to ${r}`);
  await client.query(`grant usage on schema public to ${r}`);
  await client.query(`revoke create on schema public from ${r}`);
  // Start from nothing on every table, then grant what each kind of table needs.
  await client.query(`revoke all on all tables in schema public from ${r}`);
  await client.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await client.query(`grant usage, select on all sequences in schema public to ${r}`);
  // The modules' functions (the owner's SECURITY DEFINER reads of sealed tables) are revoked from PUBLIC: the server's role calls them.
  await client.query(`grant execute on all functions in schema public to ${r}`);
  const existing = new Set(
    (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`)).rows.map((t) => t.name),
  );
  for (const table of [...APPEND_ONLY_TABLES, ...Object.keys(GUARDED_COLUMNS)].filter((t) => existing.has(t))) {
    await client.query(`revoke update, delete, truncate on ${quote(table)} from ${r}`);
  }
  for (const [table, columns] of Object.entries(GUARDED_COLUMNS)) {
    if (existing.has(table)) await client.query(`grant update (${columns.map(quote).join(', ')}) on ${quote(table)} to ${r}`);
  }
  for (const table of SEALED_TABLES.filter((t) => existing.has(t))) {
    await client.query(`revoke all on ${quote(table)} from ${r}`);
    await client.query(`grant insert on ${quote(table)} to ${r}`);
  }
  for (const table of OWNER_ONLY_TABLES.filter((t) => existing.has(t))) await client.query(`revoke all on ${quote(table)} from ${r}`);
}
