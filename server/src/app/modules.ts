import { accountsModule } from '../modules/accounts/accounts.module';
import { appraisalModule } from '../modules/appraisal/appraisal.module';
import { auditModule } from '../modules/audit/audit.module';
import { cadresModule } from '../modules/cadres/cadres.module';
import { evaluationModule } from '../modules/evaluation/evaluation.module';
import { grantsModule } from '../modules/grants/grants.module';
import { harmonyModule } from '../modules/harmony/harmony.module';
import { ledgerModule } from '../modules/ledger/ledger.module';
import { notificationsModule } from '../modules/notifications/notifications.module';
import { regionsModule } from '../modules/regions/regions.module';
import { reviewsModule } from '../modules/reviews/reviews.module';
import type { ModuleManifest } from './module-manifest';

/**
 * Every module of the server, the only list of them. The app folds over it for the ORM's entities and
 * migrations (mikro-orm.config.ts), the services and event listeners (services.ts: listeners run by
 * phase, then in this order), the schema's resolvers (build-schema.ts), the request loaders and the demo
 * seed (steps in this order). A module comes after the modules it depends on.
 */
export const MODULES = [
  regionsModule,
  accountsModule,
  auditModule,
  harmonyModule,
  cadresModule,
  notificationsModule,
  evaluationModule,
  appraisalModule,
  ledgerModule,
  grantsModule,
  reviewsModule,
] as const;

/** The same list, as manifests of any module: what the folds iterate. */
export const MANIFESTS: readonly ModuleManifest[] = MODULES;
