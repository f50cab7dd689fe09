import { ACCOUNTS_ERROR_REASONS } from './domain/accounts/error-reasons';
import { ACCOUNTS_PERMISSIONS } from './domain/accounts/permissions';
import { CADRES_ERROR_REASONS } from './domain/cadres/error-reasons';
import { CADRES_PERMISSIONS } from './domain/cadres/permissions';
import { APPRAISAL_ERROR_REASONS } from './domain/appraisal/error-reasons';
import { APPRAISAL_PERMISSIONS } from './domain/appraisal/permissions';
import { AUDIT_ERROR_REASONS } from './domain/audit/error-reasons';
import { AUDIT_PERMISSIONS } from './domain/audit/permissions';
import { EVALUATION_ERROR_REASONS } from './domain/evaluation/error-reasons';
import { EVALUATION_PERMISSIONS } from './domain/evaluation/permissions';
import { GRANTS_ERROR_REASONS } from './domain/grants/error-reasons';
import { GRANTS_PERMISSIONS } from './domain/grants/permissions';
import { HARMONY_ERROR_REASONS } from './domain/harmony/error-reasons';
import { HARMONY_PERMISSIONS } from './domain/harmony/permissions';
import { NOTIFICATIONS_ERROR_REASONS } from './domain/notifications/error-reasons';
import { NOTIFICATIONS_PERMISSIONS } from './domain/notifications/permissions';
import { LEDGER_ERROR_REASONS } from './domain/ledger/error-reasons';
import { LEDGER_PERMISSIONS } from './domain/ledger/permissions';
import { REGIONS_ERROR_REASONS } from './domain/regions/error-reasons';
import { REGIONS_PERMISSIONS } from './domain/regions/permissions';
import { REVIEWS_ERROR_REASONS } from './domain/reviews/error-reasons';
import { REVIEWS_PERMISSIONS } from './domain/reviews/permissions';

/**
 * What each module of the platform puts in the shared vocabulary: its permission subjects and rules,
 * and its error reasons. The only list of them in shared/: the permission vocabulary, the rules and
 * ERROR_REASONS fold over it, in this order (the server's MODULES order).
 */
export const SHARED_MODULES = [
  { name: 'regions', permissions: REGIONS_PERMISSIONS, errorReasons: REGIONS_ERROR_REASONS },
  { name: 'accounts', permissions: ACCOUNTS_PERMISSIONS, errorReasons: ACCOUNTS_ERROR_REASONS },
  { name: 'audit', permissions: AUDIT_PERMISSIONS, errorReasons: AUDIT_ERROR_REASONS },
  { name: 'harmony', permissions: HARMONY_PERMISSIONS, errorReasons: HARMONY_ERROR_REASONS },
  { name: 'cadres', permissions: CADRES_PERMISSIONS, errorReasons: CADRES_ERROR_REASONS },
  { name: 'notifications', permissions: NOTIFICATIONS_PERMISSIONS, errorReasons: NOTIFICATIONS_ERROR_REASONS },
  { name: 'evaluation', permissions: EVALUATION_PERMISSIONS, errorReasons: EVALUATION_ERROR_REASONS },
  { name: 'appraisal', permissions: APPRAISAL_PERMISSIONS, errorReasons: APPRAISAL_ERROR_REASONS },
  { name: 'ledger', permissions: LEDGER_PERMISSIONS, errorReasons: LEDGER_ERROR_REASONS },
  { name: 'grants', permissions: GRANTS_PERMISSIONS, errorReasons: GRANTS_ERROR_REASONS },
  { name: 'reviews', permissions: REVIEWS_PERMISSIONS, errorReasons: REVIEWS_ERROR_REASONS },
] as const;
