import { describe, expect, it } from 'vitest';
import { acceptsBallots, campaignActionsFrom, isCampaignEditable, nextCampaignStatus } from './campaign-transitions';
import type { Satisfaction } from './satisfaction';
import { auditScore, debtGrowth, gradeOf, verdictOf, type AuditFigures } from './verdict';

const satisfaction = (mean: number, low: number, high: number, criteria: Record<string, number> = {}): Satisfaction => ({
  ballots: 100,
  overall: { n: 100, mean, low, high },
  criteria: Object.entries(criteria).map(([code, value]) => ({ code, dontKnow: 0, n: 100, mean: value, low: value - 3, high: value + 3 })),
});

const audit = (changes: Partial<AuditFigures> = {}): AuditFigures => ({
  debtAtStart: 100,
  debtAtEnd: 150,
  irregularFunds: 1,
  showcaseSpending: 5,
  totalSpending: 100,
  findings: 2,
  ...changes,
});

describe('the audit component', () => {
  it('takes points off in proportion to each cause (hand-checked)', () => {
    // debt +50 % of a full +100 %: 20 of 40; irregular 1 % of a full 5 %: 6 of 30; showcase 5 % of 20 %: 5 of 20; 2 of 10 findings: 2.
    const result = auditScore(audit());
    expect(result.penalties.debtGrowth).toBeCloseTo(20, 10);
    expect(result.penalties.irregularFunds).toBeCloseTo(6, 10);
    expect(result.penalties.showcaseSpending).toBeCloseTo(5, 10);
    expect(result.penalties.findings).toBeCloseTo(2, 10);
    expect(result.score).toBeCloseTo(67, 10);
  });

  it('caps each penalty, and counts any debt taken on from none as unbounded growth', () => {
    expect(auditScore(audit({ debtAtEnd: 1000, irregularFunds: 50, showcaseSpending: 90, findings: 40 })).score).toBe(0);
    expect(debtGrowth(audit({ debtAtStart: 0, debtAtEnd: 10 }))).toBe(Infinity);
    expect(debtGrowth(audit({ debtAtStart: 0, debtAtEnd: 0 }))).toBe(0);
    expect(auditScore(audit({ debtAtEnd: 80, irregularFunds: 0, showcaseSpending: 0, findings: 0 })).score).toBe(100);
  });
});

describe('the verdict', () => {
  it('weighs mass 50 %, inspection 30 %, audit 20 % (hand-checked)', () => {
    const verdict = verdictOf({ satisfaction: satisfaction(80, 76, 84), inspection: 90, audit: audit(), reportedGrowth: null })!;
    // 0.5 × 80 + 0.3 × 90 + 0.2 × 67 = 80.4; the interval moves with mass satisfaction: 78.4 to 82.4.
    expect(verdict.score).toBeCloseTo(80.4, 10);
    expect(verdict.low).toBeCloseTo(78.4, 10);
    expect(verdict.high).toBeCloseTo(82.4, 10);
    expect(verdict.grade).toBe('COMPETENT');
    expect(verdict.uncertain).toBe(false);
    expect(verdict.settingsVersion).toBe(1);
  });

  it('scales the weights of the components present when inspection or audit is missing', () => {
    const verdict = verdictOf({ satisfaction: satisfaction(80, 78, 82), inspection: 70, audit: null, reportedGrowth: null })!;
    expect(verdict.weights.mass).toBeCloseTo(0.625, 10);
    expect(verdict.weights.inspection).toBeCloseTo(0.375, 10);
    expect(verdict.score).toBeCloseTo(0.625 * 80 + 0.375 * 70, 10);
  });

  it('shows a grade whose interval straddles a band boundary as uncertain', () => {
    const straddling = verdictOf({ satisfaction: satisfaction(76, 70, 82), inspection: null, audit: null, reportedGrowth: null })!;
    expect(straddling).toMatchObject({ grade: 'COMPETENT', uncertain: true });
    const inside = verdictOf({ satisfaction: satisfaction(80, 76, 84), inspection: null, audit: null, reportedGrowth: null })!;
    expect(inside.uncertain).toBe(false);
  });

  it('has no verdict without mass satisfaction (no published result)', () => {
    const none: Satisfaction = { ballots: 12, overall: { n: 0, mean: null, low: null, high: null }, criteria: [] };
    expect(verdictOf({ satisfaction: none, inspection: 90, audit: audit(), reportedGrowth: 5 })).toBeNull();
  });

  it('grades by the bands, best first', () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99, 0].map((score) => gradeOf(score))).toEqual([
      'EXCELLENT',
      'COMPETENT',
      'COMPETENT',
      'BASICALLY_COMPETENT',
      'BASICALLY_COMPETENT',
      'INCOMPETENT',
      'INCOMPETENT',
    ]);
  });
});

describe('tendency flags', () => {
  const base = { satisfaction: satisfaction(70, 66, 74), inspection: null, audit: null, reportedGrowth: null };
  const codes = (input: Parameters<typeof verdictOf>[0]) => verdictOf(input)!.flags.map((flag) => flag.code);

  it('official-oriented: inspection at least 20 points above mass satisfaction, with the figures', () => {
    const flags = verdictOf({ ...base, inspection: 90 })!.flags;
    expect(flags).toEqual([
      { code: 'OFFICIAL_ORIENTED', figures: { inspection: 90, massSatisfaction: 70, gap: 20 }, thresholds: { gap: 20 } },
    ]);
    expect(codes({ ...base, inspection: 89.9 })).toEqual([]);
  });

  it('GDP-oriented: growth of 7 % or more while livelihood satisfaction is below 70', () => {
    const low = satisfaction(66, 62, 70, { EDUCATION: 64, HOUSING: 66, WORK_STYLE: 90 });
    expect(codes({ ...base, satisfaction: low, reportedGrowth: 8 })).toEqual(['GDP_ORIENTED']);
    expect(verdictOf({ ...base, satisfaction: low, reportedGrowth: 8 })!.flags[0].figures).toEqual({
      reportedGrowth: 8,
      livelihoodSatisfaction: 65,
    });
    expect(codes({ ...base, satisfaction: low, reportedGrowth: 6.9 })).toEqual([]);
    expect(codes({ ...base, satisfaction: satisfaction(75, 72, 78, { EDUCATION: 75 }), reportedGrowth: 12 })).toEqual([]);
    expect(codes({ ...base, satisfaction: low })).toEqual([]);
  });

  it('debt-financed: debt up 50 % or more over the term', () => {
    expect(codes({ ...base, audit: audit({ debtAtEnd: 150 }) })).toEqual(['DEBT_FINANCED']);
    expect(codes({ ...base, audit: audit({ debtAtEnd: 149 }) })).toEqual([]);
  });

  it('individual-oriented: showcase spending of 10 % or more, or work style 15 points below the other criteria', () => {
    expect(codes({ ...base, audit: audit({ debtAtEnd: 100, showcaseSpending: 10 }) })).toEqual(['INDIVIDUAL_ORIENTED']);
    expect(codes({ ...base, audit: audit({ debtAtEnd: 100, showcaseSpending: 9 }) })).toEqual([]);
    const style = satisfaction(70, 66, 74, { EDUCATION: 80, HOUSING: 80, WORK_STYLE: 65 });
    const flag = verdictOf({ ...base, satisfaction: style })!.flags[0];
    expect(flag).toMatchObject({ code: 'INDIVIDUAL_ORIENTED', figures: { workStyle: 65, otherCriteria: 80, workStyleGap: 15 } });
    expect(codes({ ...base, satisfaction: satisfaction(70, 66, 74, { EDUCATION: 80, WORK_STYLE: 66 }) })).toEqual([]);
  });
});

describe('the campaign transition table', () => {
  it('goes draft → open → closed → published, and nowhere else', () => {
    expect(campaignActionsFrom('DRAFT')).toEqual(['OPEN']);
    expect(nextCampaignStatus('DRAFT', 'OPEN')).toBe('OPEN');
    expect(nextCampaignStatus('OPEN', 'CLOSE')).toBe('CLOSED');
    expect(nextCampaignStatus('CLOSED', 'PUBLISH')).toBe('PUBLISHED');
    expect(campaignActionsFrom('PUBLISHED')).toEqual([]);
    expect(nextCampaignStatus('DRAFT', 'PUBLISH')).toBeNull();
    expect(nextCampaignStatus('OPEN', 'OPEN')).toBeNull();
    expect(nextCampaignStatus('CLOSED', 'CLOSE')).toBeNull();
  });

  it('is editable only as a draft, and takes ballots only while open', () => {
    expect(['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'].map((s) => isCampaignEditable(s as 'DRAFT'))).toEqual([true, false, false, false]);
    expect(['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'].map((s) => acceptsBallots(s as 'DRAFT'))).toEqual([false, true, false, false]);
  });
});
