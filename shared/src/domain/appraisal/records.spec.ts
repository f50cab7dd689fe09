import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../errors/problems';
import { inspectionProblems, specialAuditProblems, type InspectionInput, type SpecialAuditInput } from './records';

const dates = { today: '2026-11-29', termStartsOn: '2024-03-01' };

const inspection: InspectionInput = {
  score: 82.5,
  findings: 'Solid on employment, slow on rural roads.',
  inspector: 'Municipal inspection team 3',
  inspectedOn: '2026-10-12',
  reportedGrowth: 6.1,
};

const audit: SpecialAuditInput = {
  debtAtStart: 12000,
  debtAtEnd: 15000,
  irregularFunds: 40,
  showcaseSpending: 900,
  totalSpending: 30000,
  findings: 2,
  auditBody: 'Municipal Audit Bureau',
  auditedOn: '2026-09-30',
};

describe('inspectionProblems', () => {
  it('accepts a complete inspection, with or without a growth figure', () => {
    expect(inspectionProblems(inspection, dates)).toEqual({});
    expect(inspectionProblems({ ...inspection, reportedGrowth: null }, dates)).toEqual({});
    expect(inspectionProblems({ ...inspection, score: 0, inspectedOn: dates.termStartsOn }, dates)).toEqual({});
    expect(inspectionProblems({ ...inspection, score: 100, inspectedOn: dates.today }, dates)).toEqual({});
  });

  it('refuses a score outside 0–100, missing or not finite, with the numbers', () => {
    const above = inspectionProblems({ ...inspection, score: 100.5 }, dates).score!;
    expect(above).toEqual({ reason: 'SCORE_RANGE', params: { min: 0, max: 100, got: 100.5 } });
    expect(problemMessage(above)).toBe('A score is between 0 and 100, got 100.5');
    expect(inspectionProblems({ ...inspection, score: -1 }, dates).score?.reason).toBe('SCORE_RANGE');
    expect(inspectionProblems({ ...inspection, score: null }, dates).score?.reason).toBe('REQUIRED');
    expect(inspectionProblems({ ...inspection, score: Number.NaN }, dates).score?.reason).toBe('NOT_FINITE');
  });

  it('refuses empty or overlong texts', () => {
    const problems = inspectionProblems({ ...inspection, findings: '   ', inspector: 'x'.repeat(201) }, dates);
    expect(problems.findings?.reason).toBe('REQUIRED');
    expect(problems.inspector).toEqual({ reason: 'TOO_LONG', params: { max: 200 } });
    expect(inspectionProblems({ ...inspection, findings: 'x'.repeat(4001) }, dates).findings?.reason).toBe('TOO_LONG');
  });

  it('refuses a date that is malformed, in the future or before the term', () => {
    expect(inspectionProblems({ ...inspection, inspectedOn: '2026-02-30' }, dates).inspectedOn).toEqual({
      reason: 'INVALID_DATE',
      params: { got: '2026-02-30' },
    });
    expect(inspectionProblems({ ...inspection, inspectedOn: '2026-11-30' }, dates).inspectedOn).toEqual({
      reason: 'DATE_IN_FUTURE',
      params: { date: '2026-11-30' },
    });
    expect(inspectionProblems({ ...inspection, inspectedOn: '2024-02-29' }, dates).inspectedOn).toEqual({
      reason: 'BEFORE_TERM',
      params: { startsOn: '2024-03-01' },
    });
    expect(inspectionProblems({ ...inspection, inspectedOn: '' }, dates).inspectedOn?.reason).toBe('REQUIRED');
  });

  it('refuses a growth figure that is a typing error', () => {
    expect(inspectionProblems({ ...inspection, reportedGrowth: 1000.1 }, dates).reportedGrowth).toEqual({
      reason: 'GROWTH_RANGE',
      params: { min: -100, max: 1000, got: 1000.1 },
    });
    expect(inspectionProblems({ ...inspection, reportedGrowth: -100 }, dates)).toEqual({});
    expect(inspectionProblems({ ...inspection, reportedGrowth: Number.POSITIVE_INFINITY }, dates).reportedGrowth?.reason).toBe(
      'NOT_FINITE',
    );
  });
});

describe('specialAuditProblems', () => {
  it('accepts a complete audit, zero amounts included', () => {
    expect(specialAuditProblems(audit, dates)).toEqual({});
    expect(
      specialAuditProblems({ ...audit, debtAtStart: 0, debtAtEnd: 0, irregularFunds: 0, showcaseSpending: 0, findings: 0 }, dates),
    ).toEqual({});
    expect(specialAuditProblems({ ...audit, showcaseSpending: 30000 }, dates)).toEqual({});
  });

  it('refuses negative, missing and non-finite amounts', () => {
    const problems = specialAuditProblems({ ...audit, debtAtStart: -5, debtAtEnd: null, totalSpending: Number.NaN }, dates);
    expect(problems.debtAtStart).toEqual({ reason: 'NEGATIVE_AMOUNT', params: { got: -5 } });
    expect(problems.debtAtEnd?.reason).toBe('REQUIRED');
    expect(problems.totalSpending?.reason).toBe('NOT_FINITE');
  });

  it('refuses irregular funds or showcase spending above the total spending, with both numbers', () => {
    const problems = specialAuditProblems({ ...audit, irregularFunds: 30001, showcaseSpending: 40000 }, dates);
    expect(problems.irregularFunds).toEqual({ reason: 'EXCEEDS_SPENDING', params: { part: 30001, total: 30000 } });
    expect(problemMessage(problems.showcaseSpending!)).toBe("40000 exceeds the term's total spending of 30000");
  });

  it('refuses a findings count that is not a whole non-negative number', () => {
    expect(specialAuditProblems({ ...audit, findings: 1.5 }, dates).findings?.reason).toBe('COUNT_NOT_WHOLE');
    expect(specialAuditProblems({ ...audit, findings: -1 }, dates).findings).toEqual({ reason: 'NEGATIVE_COUNT', params: { got: -1 } });
    expect(specialAuditProblems({ ...audit, findings: null }, dates).findings?.reason).toBe('REQUIRED');
  });

  it('refuses a missing audit body and a date after today', () => {
    const problems = specialAuditProblems({ ...audit, auditBody: '', auditedOn: '2027-01-01' }, dates);
    expect(problems.auditBody?.reason).toBe('REQUIRED');
    expect(problems.auditedOn?.reason).toBe('DATE_IN_FUTURE');
  });
});
