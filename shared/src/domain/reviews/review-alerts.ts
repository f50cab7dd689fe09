import type { CadreGradeCode } from '../evaluation/verdict';

/** A review alert is open until its organization resolves it, saying how. */
export const REVIEW_ALERT_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type ReviewAlertStatus = (typeof REVIEW_ALERT_STATUSES)[number];

/** Whom a review alert is addressed to: the body that granted the term, or (no grant) the post's organization. */
export const REVIEW_ALERT_ADDRESSEES = ['GRANTING_BODY', 'POST_ORGANIZATION'] as const;
export type ReviewAlertAddressee = (typeof REVIEW_ALERT_ADDRESSEES)[number];

/** The grade that calls the power giver to review the power it gave. */
export const REVIEWED_GRADE: CadreGradeCode = 'INCOMPETENT';

/**
 * Whether a verdict raises a review alert: an asserted "incompetent" grade only. An uncertain grade
 * (its interval straddles a band boundary) is not asserted, so it calls for more evidence, not a review.
 */
export function raisesReview(verdict: { grade: CadreGradeCode; uncertain: boolean }): boolean {
  return verdict.grade === REVIEWED_GRADE && !verdict.uncertain;
}
