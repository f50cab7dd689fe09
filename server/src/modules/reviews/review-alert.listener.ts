import { listenersOf } from '../../common/domain-events';
import type { AppraisalEvents } from '../appraisal/appraisal.events';
import type { EvaluationEvents } from '../evaluation/evaluation.events';
import type { ReviewAlertService } from './review-alert.service';

/**
 * The events that can change a verdict: a published campaign (mass satisfaction), an inspection, a special
 * audit, and another version of the verdict settings put in force (every verdict, under its thresholds).
 */
type VerdictChanges = Pick<EvaluationEvents, 'campaign.publish'> & AppraisalEvents;
export const VERDICT_CHANGES = [
  'campaign.publish',
  'inspection.record',
  'special-audit.record',
  'verdict-settings.activate',
] as const satisfies readonly (keyof VerdictChanges)[];

/**
 * After a change that can move verdicts, the verdicts of the terms it touched are reached again (once
 * per transaction, set-wise: a campaign's every term together) and an incompetent one raises its review
 * alert, in the same transaction: the alert commits with the change that caused it, or not at all.
 */
export const reviewAlertListener = (service: ReviewAlertService) =>
  listenersOf<VerdictChanges>().batch('reviews.raise-review-alerts', 'react', VERDICT_CHANGES, async (em, context, events) => {
    if (events.some((event) => event.action === 'verdict-settings.activate')) {
      await service.raiseFor(em, context, await service.termsEvaluated(em));
      return;
    }
    const campaigns = events.filter((event) => event.action === 'campaign.publish').map((event) => event.subjectId);
    const recorded = events.flatMap((event) =>
      event.action === 'inspection.record' || event.action === 'special-audit.record' ? [event.after.term] : [],
    );
    const terms = [...recorded, ...(campaigns.length > 0 ? await service.termsOfCampaigns(em, campaigns) : [])];
    await service.raiseFor(em, context, terms);
  });
