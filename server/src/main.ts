import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from './app/config';
import { createApp, type App } from './app/create-app';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from './app/embedded-postgres';
import { ormConfig } from './app/mikro-orm.config';
import { isEmpty, seedDemo } from './seeders/demo-seed';

const log = (message: string) => console.log(`[massline] ${message}`);

/**
 * `npm start`: the database (embedded unless DATABASE_URL is set), migrations, the demo seed on an empty
 * database, then the API and console on PORT. SIGINT/SIGTERM stop everything, the database last.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedPostgres | null = null;
  let orm: MikroORM | null = null;
  let app: App | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await app?.close().catch((e: unknown) => console.error(e));
    await orm?.close(true).catch((e: unknown) => console.error(e));
    await embedded?.stop().catch((e: unknown) => console.error(e));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort ?? undefined, log });
      await ensureDatabase(embedded.url('postgres'), 'massline');
      url = embedded.url('massline');
    } else {
      log('using the PostgreSQL at DATABASE_URL');
    }
    orm = await MikroORM.init(ormConfig(url, { logSql: config.logSql }));
    const applied = await orm.getMigrator().up();
    if (applied.length > 0) log(`applied ${applied.length} migration(s)`);
    if (config.seedDemo && (await isEmpty(orm.em.fork()))) {
      log('empty database: seeding the demo province');
      await seedDemo(orm.em.fork());
    }
    app = await createApp(config, orm, log);
    const port = await app.listen();
    log(`ready: console http://localhost:${port}/  GraphQL http://localhost:${port}/graphql`);
  } catch (error) {
    console.error('[massline] could not start:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
