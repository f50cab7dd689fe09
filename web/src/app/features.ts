import { accountsFeature } from '../features/accounts/accounts.feature';
import { appraisalFeature } from '../features/appraisal/appraisal.feature';
import { auditFeature } from '../features/audit/audit.feature';
import { cadresFeature } from '../features/cadres/cadres.feature';
import { evaluationFeature } from '../features/evaluation/evaluation.feature';
import { grantsFeature } from '../features/grants/grants.feature';
import { harmonyFeature } from '../features/harmony/harmony.feature';
import { notificationsFeature } from '../features/notifications/notifications.feature';
import { regionsFeature } from '../features/regions/regions.feature';
import { reviewsFeature } from '../features/reviews/reviews.feature';
import type { Feature } from './feature';

/**
 * The only list of the console's features. The router, the navigation and the guards fold over it;
 * a new mechanism is a folder in web/src/features with a manifest, and one line here. Order is the
 * navigation's: menus appear in the order of their first page, pages in the order listed.
 */
export const FEATURES: readonly Feature[] = [
  harmonyFeature,
  evaluationFeature,
  cadresFeature,
  appraisalFeature,
  grantsFeature,
  reviewsFeature,
  regionsFeature,
  accountsFeature,
  auditFeature,
  notificationsFeature,
];
