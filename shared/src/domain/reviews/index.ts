/**
 * Review alerts (PRODUCT.md, "Mechanism 3", cross-module): an incompetent verdict on a term calls the
 * body that granted it to review the power it gave.
 */
export {
  raisesReview,
  REVIEW_ALERT_ADDRESSEES,
  REVIEW_ALERT_STATUSES,
  REVIEWED_GRADE,
  type ReviewAlertAddressee,
  type ReviewAlertStatus,
} from './review-alerts';
export { REVIEWS_PERMISSIONS } from './permissions';
