/** The review alerts page's words (English). */
export const reviewsEn = {
  'reviews.title': 'Review alerts',
  'reviews.intro':
    'An "incompetent" verdict on a term calls the body that granted it to review the power it gave. Each alert is addressed to your organization: review it, then resolve it saying how.',
  'reviews.none': 'No review alert is addressed to your organization.',
  'reviews.column.cadre': 'Cadre',
  'reviews.column.addressee': 'Addressed to',
  'reviews.column.verdict': 'Verdict',
  'reviews.column.raisedAt': 'Raised',
  'reviews.column.status': 'Status',
  'reviews.addressee.GRANTING_BODY': 'Granting body: {body}',
  'reviews.addressee.POST_ORGANIZATION': "The post's organization (recorded without a grant)",
  'reviews.verdict': '{grade}, score {score} (95 % interval {low}–{high}), settings v{version}',
  'reviews.status.OPEN': 'Open',
  'reviews.status.RESOLVED': 'Resolved',
  'reviews.resolve': 'Resolve',
  'reviews.resolveNote': 'How it was resolved',
  'reviews.resolveSubmit': 'Resolve the alert',
  'reviews.resolved': 'The review alert was resolved.',
  'reviews.openCadre': "Cadre's page",
} as const;

export type ReviewsMessageKey = keyof typeof reviewsEn;
