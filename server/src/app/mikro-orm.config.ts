import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ApiToken } from '../modules/accounts/api-token.entity';
import { Organization } from '../modules/accounts/organization.entity';
import { Session } from '../modules/accounts/session.entity';
import { SignInThrottle } from '../modules/accounts/sign-in-throttle.entity';
import { User } from '../modules/accounts/user.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { RegionStatistics } from '../modules/regions/region-statistics.entity';
import { Region } from '../modules/regions/region.entity';
import { Alert } from '../modules/harmony/alert.entity';
import { Assessment } from '../modules/harmony/assessment.entity';
import { Indicator } from '../modules/harmony/indicator.entity';
import { MethodologyVersion } from '../modules/harmony/methodology-version.entity';
import { ObservationRevision } from '../modules/harmony/observation-revision.entity';
import { Observation } from '../modules/harmony/observation.entity';
import { migrationsList } from '../migrations';

export const ENTITIES = [
  Region,
  RegionStatistics,
  Organization,
  User,
  Session,
  ApiToken,
  SignInThrottle,
  AuditEntry,
  Indicator,
  Observation,
  ObservationRevision,
  MethodologyVersion,
  Assessment,
  Alert,
];

/**
 * Entities are listed, not discovered from folders, and migrations are imported classes: the same
 * configuration works from TypeScript sources (tests) and from the compiled server.
 */
export function ormConfig(clientUrl: string, options: { logSql?: boolean; poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: options.logSql ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Entities are never loaded implicitly into another request: one fork per request.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
  });
}
