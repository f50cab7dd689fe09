import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { DEFAULT_INDICATOR_CODES, DEFAULT_INDICATORS, findDefaultIndicator, isPastRedLine, rateFromCount } from './indicators';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('default indicators', () => {
  it('are the seven of PRODUCT.md, in order, with unique codes', () => {
    expect(DEFAULT_INDICATORS.map(({ code }) => code)).toEqual([
      'GINI',
      'PETITIONS',
      'MASS_INCIDENTS',
      'HOT_ISSUES',
      'PARTY_APPLICATIONS',
      'CADRE_TRUST',
      'PAPER_SUBSCRIPTIONS',
    ]);
    expect(DEFAULT_INDICATOR_CODES).toEqual(DEFAULT_INDICATORS.map(({ code }) => code));
  });

  it('have the directions of PRODUCT.md ("better" column)', () => {
    const directions = Object.fromEntries(DEFAULT_INDICATORS.map(({ code, direction }) => [code, direction]));
    expect(directions).toEqual({
      GINI: 'LOWER_IS_BETTER',
      PETITIONS: 'LOWER_IS_BETTER',
      MASS_INCIDENTS: 'LOWER_IS_BETTER',
      HOT_ISSUES: 'HIGHER_IS_BETTER',
      PARTY_APPLICATIONS: 'HIGHER_IS_BETTER',
      CADRE_TRUST: 'HIGHER_IS_BETTER',
      PAPER_SUBSCRIPTIONS: 'HIGHER_IS_BETTER',
    });
  });

  it('have the rate bases of the units in PRODUCT.md', () => {
    const bases = Object.fromEntries(DEFAULT_INDICATORS.map(({ code, rateBasis }) => [code, rateBasis]));
    expect(bases).toEqual({
      GINI: 'NONE',
      PETITIONS: 'PER_10K_RESIDENTS',
      MASS_INCIDENTS: 'PER_100K_RESIDENTS',
      HOT_ISSUES: 'PERCENT',
      PARTY_APPLICATIONS: 'PER_1K_RESIDENTS',
      CADRE_TRUST: 'PERCENT',
      PAPER_SUBSCRIPTIONS: 'PER_1K_HOUSEHOLDS',
    });
  });

  it('carry Chinese and English names', () => {
    expect(findDefaultIndicator('GINI')?.names).toEqual({
      en: 'Gini coefficient of household income',
      zhCN: '基尼系数',
    });
    expect(findDefaultIndicator('PETITIONS')?.names.zhCN).toBe('信访');
    expect(findDefaultIndicator('MASS_INCIDENTS')?.names.zhCN).toBe('群体性事件');
    expect(findDefaultIndicator('HOT_ISSUES')?.names.zhCN).toBe('群众关注热点问题解决满意率');
    expect(findDefaultIndicator('PARTY_APPLICATIONS')?.names.zhCN).toBe('入党申请人数');
    expect(findDefaultIndicator('CADRE_TRUST')?.names.zhCN).toBe('群众对领导干部信任度');
    expect(findDefaultIndicator('PAPER_SUBSCRIPTIONS')?.names.zhCN).toBe('自费订阅党报党刊');
    expect(findDefaultIndicator('NOT_AN_INDICATOR')).toBeUndefined();
  });

  it('have goalposts with lower < upper, and the red lines of the brief', () => {
    for (const { goalposts } of DEFAULT_INDICATORS) expect(goalposts.lower).toBeLessThan(goalposts.upper);
    expect(findDefaultIndicator('GINI')?.goalposts).toEqual({ lower: 0.2, upper: 0.6 });
    expect(findDefaultIndicator('PETITIONS')?.goalposts).toEqual({ lower: 0, upper: 50 });
    expect(findDefaultIndicator('MASS_INCIDENTS')?.goalposts).toEqual({ lower: 0, upper: 5 });
    expect(findDefaultIndicator('GINI')?.redLine).toBe(0.45);
    expect(findDefaultIndicator('PETITIONS')?.redLine).toBe(30);
    expect(findDefaultIndicator('MASS_INCIDENTS')?.redLine).toBe(2);
    expect(findDefaultIndicator('CADRE_TRUST')?.redLine).toBeNull();
  });

  it('red lines lie within the goalposts', () => {
    for (const { redLine, goalposts } of DEFAULT_INDICATORS) {
      if (redLine === null) continue;
      expect(redLine).toBeGreaterThan(goalposts.lower);
      expect(redLine).toBeLessThan(goalposts.upper);
    }
  });
});

describe('rateFromCount', () => {
  const region = { population: 250_000, households: 80_000 };

  it('turns counts into rates per residents', () => {
    // 300 letters / 250,000 residents × 10,000 = 12 per 10k
    expect(rateFromCount(300, 'PER_10K_RESIDENTS', region)).toBeCloseTo(12, 12);
    // 3 incidents / 250,000 × 100,000 = 1.2 per 100k
    expect(rateFromCount(3, 'PER_100K_RESIDENTS', region)).toBeCloseTo(1.2, 12);
    // 1,000 applicants / 250,000 × 1,000 = 4 per 1k
    expect(rateFromCount(1000, 'PER_1K_RESIDENTS', region)).toBeCloseTo(4, 12);
  });

  it('turns subscriptions into a rate per 1,000 households', () => {
    // 2,000 / 80,000 × 1,000 = 25 per 1k households
    expect(rateFromCount(2000, 'PER_1K_HOUSEHOLDS', region)).toBeCloseTo(25, 12);
  });

  it('turns a part of a total into a percentage', () => {
    // 45 of 60 hot issues resolved to satisfaction = 75 %
    expect(rateFromCount(45, 'PERCENT', { total: 60 })).toBe(75);
    expect(rateFromCount(0, 'PERCENT', { total: 60 })).toBe(0);
  });

  it('leaves a count without basis as it is, and zero counts give zero rates', () => {
    expect(rateFromCount(0.42, 'NONE')).toBe(0.42);
    expect(rateFromCount(0, 'PER_10K_RESIDENTS', region)).toBe(0);
  });

  it('refuses a missing or non-positive denominator', () => {
    expect(() => rateFromCount(5, 'PER_10K_RESIDENTS', {})).toThrow(refusal('MISSING_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PER_10K_RESIDENTS', { population: null })).toThrow(refusal('MISSING_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PER_1K_HOUSEHOLDS', { population: 1000 })).toThrow(refusal('MISSING_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PER_10K_RESIDENTS', { population: 0 })).toThrow(refusal('INVALID_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PER_1K_HOUSEHOLDS', { households: -10 })).toThrow(refusal('INVALID_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PERCENT', {})).toThrow(refusal('MISSING_DENOMINATOR'));
    expect(() => rateFromCount(5, 'PER_10K_RESIDENTS', { population: Number.NaN })).toThrow(refusal('NON_FINITE_VALUE'));
  });

  it('refuses negative or non-finite counts, and a part larger than its total', () => {
    expect(() => rateFromCount(-1, 'PER_10K_RESIDENTS', region)).toThrow(refusal('NEGATIVE_VALUE'));
    expect(() => rateFromCount(Infinity, 'PER_10K_RESIDENTS', region)).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => rateFromCount(61, 'PERCENT', { total: 60 })).toThrow(refusal('COUNT_EXCEEDS_TOTAL'));
  });
});

describe('isPastRedLine', () => {
  it('is above the line for LOWER_IS_BETTER, below it for HIGHER_IS_BETTER; on the line is not past', () => {
    expect(isPastRedLine(2.5, 2, 'LOWER_IS_BETTER')).toBe(true);
    expect(isPastRedLine(2, 2, 'LOWER_IS_BETTER')).toBe(false);
    expect(isPastRedLine(1.5, 2, 'LOWER_IS_BETTER')).toBe(false);
    expect(isPastRedLine(40, 50, 'HIGHER_IS_BETTER')).toBe(true);
    expect(isPastRedLine(50, 50, 'HIGHER_IS_BETTER')).toBe(false);
  });

  it('is never past with a missing value or no red line', () => {
    expect(isPastRedLine(null, 2, 'LOWER_IS_BETTER')).toBe(false);
    expect(isPastRedLine(100, null, 'LOWER_IS_BETTER')).toBe(false);
    expect(isPastRedLine(100, undefined, 'LOWER_IS_BETTER')).toBe(false);
  });
});
