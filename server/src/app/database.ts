import { MikroORM } from '@mikro-orm/postgresql';
import { resolveBallotSecret, type Config } from './config';
import { prepareRuntimeRole, runtimeRoleName, runtimeUrl, type RuntimeRole } from './database-roles';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { ormConfig } from './mikro-orm.config';
import { isEmpty, seedDemo } from '../seeders/demo-seed';

export interface Database {
  /** The owner's connection: migrations and the demo seed. */
  ownerUrl: string;
  /** The runtime role's connection: everything the server does. */
  runtimeUrl: string;
  runtimeRole: string;
  /** Stops the embedded PostgreSQL, if one was started. */
  stop(): Promise<void>;
}

/**
 * Where the two roles come from:
 * - no DATABASE_URL: the embedded cluster; its superuser is the owner, `massline_runtime` is created;
 * - DATABASE_URL only: that user is the owner (it must be allowed to create roles), and
 *   `<database>_runtime` is created beside it, with a password derived from the owner's;
 * - DATABASE_URL and DATABASE_OWNER_URL: the owner migrates, and the server runs as DATABASE_URL's user,
 *   which the owner's administrator created (the server only grants it what it needs).
 */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let ownerUrl: string;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort ?? undefined, log });
    await ensureDatabase(embedded.url('postgres'), 'massline');
    ownerUrl = embedded.url('massline');
  } else {
    ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
    log(
      config.databaseOwnerUrl
        ? 'using the PostgreSQL at DATABASE_URL, migrated as DATABASE_OWNER_URL'
        : 'using the PostgreSQL at DATABASE_URL',
    );
  }
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1)) || 'postgres';
  const runtime: RuntimeRole =
    config.databaseUrl && config.databaseOwnerUrl
      ? { role: decodeURIComponent(new URL(config.databaseUrl).username), manage: false }
      : { role: runtimeRoleName(database), manage: true };
  try {
    const owner = await MikroORM.init(ormConfig(ownerUrl, { logSql: config.logSql, poolMax: 2 }));
    try {
      const applied = await owner.getMigrator().up();
      if (applied.length > 0) log(`applied ${applied.length} migration(s)`);
      if (config.seedDemo && (await isEmpty(owner.em.fork()))) {
        log('empty database: seeding the demo province');
        // Demo ballots carry the nullifiers of the secret the server will run with.
        await seedDemo(owner.em.fork(), { ballotSecret: resolveBallotSecret(config, ownerUrl) });
      }
    } finally {
      await owner.close(true);
    }
    await prepareRuntimeRole(ownerUrl, runtime);
    log(`the server connects as the runtime role "${runtime.role}"`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    ownerUrl,
    runtimeUrl: runtime.manage ? runtimeUrl(ownerUrl, runtime.role) : config.databaseUrl!,
    runtimeRole: runtime.role,
    stop: async () => embedded?.stop(),
  };
}
