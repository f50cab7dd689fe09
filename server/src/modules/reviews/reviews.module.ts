import { defineModule, resolver } from '../../app/module-manifest';
import { readById } from '../../common/loaders';
import type { AppraisalServices } from '../appraisal/appraisal.module';
import type { EvaluationServices } from '../evaluation/evaluation.module';
import type { GrantsServices } from '../grants/grants.module';
import { Migration20261129204817ReviewAlerts } from './migrations/Migration20261129204817ReviewAlerts';
import { ReviewAlert } from './review-alert.entity';
import { reviewAlertListener } from './review-alert.listener';
import { ReviewAlertResolver } from './review-alert.resolver';
import { ReviewAlertService } from './review-alert.service';
import { seedDemoReviews } from './reviews.demo-seed';

export interface ReviewsServices {
  reviewAlerts: ReviewAlertService;
}

/**
 * Review alerts (PRODUCT.md, "Mechanism 3", cross-module): an incompetent verdict on a term (mechanism 2)
 * calls the body that granted it (mechanism 3) to review the power it gave, through the typed event bus.
 */
export const reviewsModule = defineModule({
  name: 'reviews',
  dependsOn: ['cadres', 'evaluation', 'appraisal', 'grants'],
  entities: [ReviewAlert],
  createServices: (
    { events },
    { appraisal, grants, evaluation }: { appraisal: AppraisalServices; grants: GrantsServices; evaluation: EvaluationServices },
  ): ReviewsServices => ({
    reviewAlerts: new ReviewAlertService(events, { verdicts: appraisal.verdicts, grants: grants.grants, campaigns: evaluation.campaigns }),
  }),
  resolvers: [resolver(ReviewAlertResolver, (s: ReviewsServices) => new ReviewAlertResolver(s.reviewAlerts))],
  nodes: () => ({ ReviewAlert: (context, id) => readById(context, ReviewAlert, 'ReviewAlert', id, ['region']) }),
  listeners: (s: ReviewsServices) => [reviewAlertListener(s.reviewAlerts)],
  migrations: [{ name: 'Migration20261129204817ReviewAlerts', class: Migration20261129204817ReviewAlerts }],
  // Raised once, figures kept as they were: only the resolution is ever written afterwards.
  guardedColumns: { review_alert: ['status', 'resolved_by', 'resolved_at', 'resolution_note'] },
  // After the grants' step (MODULES order): the demo's incompetent verdicts raise their alerts.
  seedDemo: seedDemoReviews,
});
