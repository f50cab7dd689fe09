import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { derivedBallotSecret, loadConfig, type Config } from '../../server/src/app/config';
import { createApp, type App } from '../../server/src/app/create-app';
import { ormConfig } from '../../server/src/app/mikro-orm.config';
import { hashPassword } from '../../server/src/modules/accounts/password';
import { Organization } from '../../server/src/modules/accounts/organization.entity';
import { User } from '../../server/src/modules/accounts/user.entity';
import { Region } from '../../server/src/modules/regions/region.entity';
import { DEMO_API_TOKEN, DEMO_PASSWORD } from '../../server/src/seeders/demo-accounts';
import type { UserRole } from '@massline/shared';
import { ApiClient } from './api-client';
import { createTestDatabase, type TestDatabase } from './test-database';

export { DEMO_API_TOKEN, DEMO_PASSWORD };

/** The actors of the permission tests. orgOut is an organization of a sibling county. */
export type Actor = 'orgIn' | 'orgOut' | 'orgRoot' | 'citizen' | 'auditor' | 'token' | 'anonymous';

export interface TestServer {
  url: string;
  /** The server's own ORM: it connects as the runtime role. */
  orm: MikroORM;
  /** The same database as its owner, for fixtures and checks the server itself may not make. */
  ownerOrm: MikroORM;
  app: App;
  database: TestDatabase;
  config: Config;
  /** A fresh client signed in as the actor (each call signs in anew: its own session). */
  as(actor: Actor): Promise<ApiClient>;
  client(): ApiClient;
  /** Inserts a user straight into the database (for fixtures); returns its id. */
  createUser(input: {
    email: string;
    role: UserRole;
    regionCode: string;
    password?: string;
    citizenStatus?: 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';
  }): Promise<string>;
  close(): Promise<void>;
}

export const ACTOR_EMAILS: Record<Exclude<Actor, 'token' | 'anonymous'>, string> = {
  orgIn: 'county@massline.demo',
  orgOut: 'xihe-county@massline.test',
  orgRoot: 'province@massline.demo',
  citizen: 'citizen@massline.demo',
  auditor: 'auditor@massline.demo',
};

/**
 * A real server for one test file: its own database copy, the real app (HTTP, sessions, armor) on a
 * free port. Sign-in delays are shortened so that throttle tests do not wait seconds.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.runtimeUrl,
    databaseOwnerUrl: database.url,
    seedDemo: false,
    // Every test file's clients come from one address: the address limits are out of the way but where a test sets them.
    signIn: { freeFailures: 5, delayMs: 20, maxDelaySeconds: 1, failuresPerAddress: 10_000, failuresPerMinute: 10_000, windowMinutes: 15 },
    registrationsPerAddressPerHour: 10_000,
    securityLog: { floodIntervalMs: 0 },
    ballotSecret: derivedBallotSecret(database.url),
    runScheduledJobs: false,
    // Each test database its own ledger key, made on first use and removed with the database.
    ledgerKeyFile: path.join(os.tmpdir(), 'massline-ledger-keys', `${database.name}.pem`),
    ...overrides,
  });
  const orm = await MikroORM.init(ormConfig(database.runtimeUrl, { poolMax: 5 }));
  const ownerOrm = await MikroORM.init(ormConfig(database.url, { poolMax: 1 }));
  const app = await createApp(config, orm);
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const createUser: TestServer['createUser'] = async (input) => {
    const em = orm.em.fork();
    const region = await em.findOneOrFail(Region, { code: input.regionCode });
    const organization = input.role === 'ORGANIZATION' ? await em.findOneOrFail(Organization, { region }) : null;
    const user = em.create(User, {
      email: input.email,
      displayName: input.email.split('@')[0],
      role: input.role,
      passwordHash: await hashPassword(input.password ?? DEMO_PASSWORD),
      region,
      organization,
      citizenStatus: input.role === 'CITIZEN' ? (input.citizenStatus ?? 'VERIFIED') : null,
    });
    await em.flush();
    return user.id;
  };
  await createUser({ email: ACTOR_EMAILS.orgOut, role: 'ORGANIZATION', regionCode: '880102' });

  return {
    url,
    orm,
    ownerOrm,
    app,
    database,
    config,
    client: () => new ApiClient(url),
    async as(actor) {
      if (actor === 'anonymous') return new ApiClient(url);
      if (actor === 'token') return new ApiClient(url, DEMO_API_TOKEN);
      return new ApiClient(url).signIn(ACTOR_EMAILS[actor], DEMO_PASSWORD);
    },
    createUser,
    async close() {
      await app.close();
      await orm.close(true);
      await ownerOrm.close(true);
      await database.drop();
      if (config.ledgerKeyFile) fs.rmSync(config.ledgerKeyFile, { force: true });
    },
  };
}
