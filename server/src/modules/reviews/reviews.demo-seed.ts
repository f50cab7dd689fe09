import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoSeedContext } from '../../app/module-manifest';

/**
 * The review alerts of the demo's verdicts: the last step, once the campaigns are published, the
 * inspections and audits recorded and the terms' grants in place — what the publications and records
 * would have raised, through the module's own service (`raiseFor`, as its listener calls it): an alert
 * for each evaluated term whose verdict is an asserted "incompetent", addressed to the organization that
 * recorded its grant, none for the others.
 */
export async function seedDemoReviews(em: EntityManager, { services, contextOf }: DemoSeedContext): Promise<void> {
  const alerts = services.reviews.reviewAlerts;
  await alerts.raiseFor(em, contextOf(em), await alerts.termsEvaluated(em));
}
