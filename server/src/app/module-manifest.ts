import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, EventListener } from '../common/domain-events';
import type { Loaders } from '../common/loaders';
import type { UploadRoute } from '../common/upload';
import type { NodeLookup } from '../common/node';
import type { RequestContext } from '../common/request-context';
import type { Config } from './config';
import type { Services } from './services';

/** What every module's services factory is given by the app. */
export interface ModulePlatform {
  config: Config;
  /** The one event bus: services publish through it (typed as their module's `EventPublisher`). */
  events: EventBus;
}

/**
 * Work the server does on a timer rather than for a request (closing campaigns whose time is up): run
 * every `everyMs` by each server process, with a system context (no principal; the audit log names the
 * job), and callable at once through `App.runJob` (tests). A run must be safe alongside another process's.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(context: RequestContext): Promise<unknown>;
}

/** What a demo seed step may need beyond the database: the secrets the server will run with, and the modules' services. */
export interface DemoSeedContext {
  /** The server's BALLOT_SECRET: demo ballots carry the nullifiers the server itself would compute. */
  ballotSecret: string;
  /**
   * Every module's services on their own event bus (audit and every listener registered), for the data a
   * module derives from another's: the demo calls the modules' own code for it, as a real change does.
   */
  services: Services;
  /** The context of the seed's work on `em` (the seed's transaction): no principal, the audit log names the demo. */
  contextOf(em: EntityManager): RequestContext;
}

/** A resolver class of the API and how to build it from its module's services. */
export interface ResolverBinding<S> {
  type: Function;
  create(services: S): object;
}

export function resolver<S, C extends abstract new (...args: never[]) => object>(
  type: C,
  create: (services: S) => InstanceType<C>,
): ResolverBinding<S> {
  return { type, create };
}

/**
 * Everything the app needs of one module, listed once in the module's `<name>.module.ts` and folded by
 * the app over `MODULES` (app/modules.ts): the ORM's entities, the schema's resolvers, the services, the
 * event listeners, the per-request loaders, the migrations and the demo seed step.
 */
export interface ModuleManifest<Name extends string = string, S = unknown, Dependencies = unknown> {
  name: Name;
  /** The modules whose services `createServices` takes (each earlier in MODULES; the fold checks it). */
  dependsOn?: readonly string[];
  /** Every entity of the module (a `*.entity.ts` left out fails app/modules.spec.ts). */
  entities: readonly EntityClass<object>[];
  /** The module's services, created once per server. `dependencies` holds the services of `dependsOn`. */
  createServices(platform: ModulePlatform, dependencies: Dependencies): S;
  /** Every `@Resolver` class of the module (one left out fails app/modules.spec.ts). */
  resolvers: readonly ResolverBinding<S>[];
  /** The module's event listeners; the bus runs them by phase, then in MODULES and list order. */
  listeners?(services: S): readonly EventListener[];
  /** The module's scheduled jobs (app/create-app.ts runs them; config.runScheduledJobs turns the timers off). */
  jobs?(services: S): readonly ScheduledJob[];
  /** The module's streamed CSV uploads (`POST /uploads/<name>`), for files too large for a GraphQL request. */
  uploads?(services: S): readonly UploadRoute[];
  /** How `node(id:)` fetches each of the module's types that implement Node, by GraphQL type name (its own lookup). */
  nodes?(services: S): Readonly<Record<string, NodeLookup>>;
  /** The module's part of each request's `Loaders`. */
  loaders?(em: EntityManager): Partial<Loaders>;
  /** The module's migrations; the app runs every module's by name (their timestamp), whatever the module. */
  migrations: readonly MigrationObject[];
  /** Tables the server's runtime role may only read and append to: SELECT and INSERT (app/database-roles.ts). */
  appendOnlyTables?: readonly string[];
  /** Tables whose rows are immutable but for these columns: SELECT, INSERT and UPDATE of the columns only. */
  guardedColumns?: Readonly<Record<string, readonly string[]>>;
  /**
   * Tables the runtime role may only append to, without reading them back: INSERT alone (no SELECT, so
   * no RETURNING either). Reads go through SECURITY DEFINER functions of the module's migrations, owned by
   * the owner, which answer aggregates only (ballots: the tally, counts, "is this receipt counted").
   */
  sealedTables?: readonly string[];
  /** Adds the module's demo data; the steps run in MODULES order, in one transaction. */
  seedDemo?(em: EntityManager, demo: DemoSeedContext): Promise<void>;
  /**
   * Finishes the module's demo once every module's step has run (MODULES order, same transaction): what
   * waits for the others' data, as it would in real time (harmony publishes its quarters after the
   * campaigns of those quarters fed their cadre trust).
   */
  finishDemo?(em: EntityManager, demo: DemoSeedContext): Promise<void>;
}

/** A module's manifest, with its name kept as a literal type (it names the module's services). */
export function defineModule<const Name extends string, S, Dependencies = Record<never, never>>(
  manifest: ModuleManifest<Name, S, Dependencies>,
): ModuleManifest<Name, S, Dependencies> {
  return manifest;
}
