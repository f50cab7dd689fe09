import type { Change } from '../../common/domain-events';

/** A review alert as the audit log keeps it when raised. */
export interface ReviewAlertRaised {
  term: string;
  organizationId: string;
  addressee: string;
  grant: string | null;
  settingsVersion: number;
  score: number;
  grade: string;
}

/** The events of the reviews module, by type (each named after the audit action it leaves). */
export interface ReviewsEvents {
  'review-alert.raise': Change<null, ReviewAlertRaised>;
  'review-alert.resolve': Change<{ status: string }, { status: string; note: string }>;
}
