import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000Foundation } from '../migrations/Migration20261126000000Foundation';
import { Migration20261129000000DatabaseTime } from '../migrations/Migration20261129000000DatabaseTime';
import { MANIFESTS } from './modules';

/** Every entity of every module. */
export const ENTITIES = MANIFESTS.flatMap((module) => module.entities);

/**
 * The platform's own migrations: the first, older than the modules, made the tables of regions, accounts
 * and audit at once (and the audit log's write protection), so it belongs to none of them; the database
 * clock for history (`stamp_database_time`) serves every module. Every other migration is listed by the
 * manifest of the module whose tables it changes.
 */
const PLATFORM_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126000000Foundation', class: Migration20261126000000Foundation },
  { name: 'Migration20261129000000DatabaseTime', class: Migration20261129000000DatabaseTime },
];

/**
 * Every migration, by name (its timestamp): MikroORM records them by name and applies them in this
 * order, whatever module they belong to.
 */
export const MIGRATIONS: MigrationObject[] = [...PLATFORM_MIGRATIONS, ...MANIFESTS.flatMap((module) => module.migrations)].sort((a, b) =>
  a.name.localeCompare(b.name),
);

/**
 * Entities are listed (by the module manifests), not discovered from folders, and migrations are imported classes: the same
 * configuration works from TypeScript sources (tests) and from the compiled server.
 */
export function ormConfig(clientUrl: string, options: { logSql?: boolean; poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: options.logSql ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Entities are never loaded implicitly into another request: one fork per request.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
  });
}
