import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, resolveBallotSecret } from './app/config';
import { createApp, type App } from './app/create-app';
import { openDatabase, type Database } from './app/database';
import { ormConfig } from './app/mikro-orm.config';

const log = (message: string) => console.log(`[massline] ${message}`);

/**
 * `npm start`: the database (embedded unless DATABASE_URL is set), migrations, the demo seed on an empty
 * database, then the API and console on PORT. SIGINT/SIGTERM stop everything, the database last.
 */
async function main(): Promise<void> {
  let config = loadConfig();
  let database: Database | null = null;
  let orm: MikroORM | null = null;
  let app: App | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await app?.close().catch((e: unknown) => console.error(e));
    await orm?.close(true).catch((e: unknown) => console.error(e));
    await database?.stop().catch((e: unknown) => console.error(e));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    database = await openDatabase(config, log);
    config = { ...config, ballotSecret: resolveBallotSecret(config, database.ownerUrl) };
    orm = await MikroORM.init(ormConfig(database.runtimeUrl, { logSql: config.logSql }));
    app = await createApp(config, orm, log);
    // The ledger's signing key is made on first start (or read): a missing LEDGER_KEY_FILE stops the start here.
    log(`ledger signing key ${app.services.ledger.ledger.signer.publicKey().keyId.slice(0, 16)}…`);
    const port = await app.listen();
    log(`ready: console http://localhost:${port}/  GraphQL http://localhost:${port}/graphql`);
  } catch (error) {
    console.error('[massline] could not start:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
