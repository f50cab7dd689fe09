import { describe, expect, it } from 'vitest';
import { raisesReview } from './review-alerts';

describe('raisesReview', () => {
  it('raises a review for an asserted incompetent grade only', () => {
    expect(raisesReview({ grade: 'INCOMPETENT', uncertain: false })).toBe(true);
    expect(raisesReview({ grade: 'INCOMPETENT', uncertain: true })).toBe(false);
    for (const grade of ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT'] as const) {
      expect(raisesReview({ grade, uncertain: false })).toBe(false);
    }
  });
});
