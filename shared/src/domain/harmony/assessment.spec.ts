import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { roundIndex } from './precision';
import {
  assessmentOf,
  assessRegion,
  assessRegions,
  assessTable,
  defaultMethodologySettings,
  prepareMethodology,
  scaleFor,
  validateMethodologySettings,
  type MethodologySettings,
} from './assessment';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

/** A county of 250,000 residents: raw values already turned into rates. */
const COUNTY = {
  GINI: 0.35, // (0.6 − 0.35)/0.4 = 0.625 → 62.5
  PETITIONS: 12, // per 10k: (50 − 12)/50 = 0.76 → 76
  MASS_INCIDENTS: 1, // per 100k: (5 − 1)/5 = 0.8 → 80
  HOT_ISSUES: 85, // % → 85
  PARTY_APPLICATIONS: 4, // per 1k: 4/10 → 40
  CADRE_TRUST: 90, // % → 90
  PAPER_SUBSCRIPTIONS: 25, // per 1k households: 25/100 → 25
};

describe('defaultMethodologySettings', () => {
  it('has the seven indicators with equal weights, goalposts, arithmetic mean, 65 % coverage', () => {
    const settings = defaultMethodologySettings();
    expect(settings.indicators.map(({ code }) => code)).toEqual(Object.keys(COUNTY));
    expect(settings.indicators.reduce((sum, { weight }) => sum + weight, 0)).toBeCloseTo(1, 14);
    expect(settings.indicators[0]).toEqual({
      code: 'GINI',
      direction: 'LOWER_IS_BETTER',
      weight: 1 / 7,
      normalization: { kind: 'GOALPOSTS', lower: 0.2, upper: 0.6 },
      redLine: 0.45,
    });
    expect(settings.aggregation).toBe('ARITHMETIC');
    expect(settings.coverageThreshold).toBe(0.65);
    expect(() => validateMethodologySettings(settings)).not.toThrow();
  });
});

describe('assessRegion with the default methodology', () => {
  it('normalizes, aggregates and grades a complete set of values', () => {
    // (62.5 + 76 + 80 + 85 + 40 + 90 + 25)/7 = 458.5/7 = 65.5 → ATTENTION (60 ≤ 65.5 < 70)
    const result = assessRegion({ values: COUNTY, settings: defaultMethodologySettings() });
    expect(result.index).toBeCloseTo(65.5, 12);
    expect(result.grade).toBe('ATTENTION');
    expect(result.coverage).toBeCloseTo(1, 12);
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.scale).toBe('ZERO_TO_HUNDRED');
    const scores = result.indicators.map(({ normalizedScore }) => normalizedScore);
    [62.5, 76, 80, 85, 40, 90, 25].forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 12));
    // each contribution is score/7: GINI 62.5/7 = 8.9286
    expect(result.indicators[0].contribution).toBeCloseTo(62.5 / 7, 12);
    expect(result.indicators[0].rawValue).toBe(0.35);
    expect(result.indicators.every(({ pastRedLine }) => !pastRedLine)).toBe(true);
  });

  it('assesses on the remaining indicators when some are missing, and says so', () => {
    // GINI and PARTY_APPLICATIONS missing: coverage 5/7 = 0.714 ≥ 0.65 → complete
    // (76 + 80 + 85 + 90 + 25)/5 = 356/5 = 71.2 → BASICALLY_HARMONIOUS
    const result = assessRegion({
      values: { ...COUNTY, GINI: null, PARTY_APPLICATIONS: undefined },
      settings: defaultMethodologySettings(),
    });
    expect(result.index).toBeCloseTo(71.2, 12);
    expect(result.grade).toBe('BASICALLY_HARMONIOUS');
    expect(result.missing).toEqual(['GINI', 'PARTY_APPLICATIONS']);
    expect(result.coverage).toBeCloseTo(5 / 7, 12);
    expect(result.complete).toBe(true);
    expect(result.indicators[0]).toMatchObject({ rawValue: null, normalizedScore: null, contribution: null });
  });

  it('marks the assessment incomplete below 65 % coverage', () => {
    // only PETITIONS, MASS_INCIDENTS, CADRE_TRUST, HOT_ISSUES: 4/7 = 0.571 < 0.65
    const result = assessRegion({
      values: { PETITIONS: 12, MASS_INCIDENTS: 1, CADRE_TRUST: 90, HOT_ISSUES: 85 },
      settings: defaultMethodologySettings(),
    });
    // (76 + 80 + 90 + 85)/4 = 82.75
    // 82.75 as computed, kept as shown (one decimal, half away from zero).
    expect(result.index).toBe(82.8);
    expect(result.complete).toBe(false);
    expect(result.coverage).toBeCloseTo(4 / 7, 12);
  });

  it('flags an indicator past its red line', () => {
    // 3 mass incidents per 100k > red line 2; score (5 − 3)/5 → 40
    const result = assessRegion({ values: { ...COUNTY, MASS_INCIDENTS: 3 }, settings: defaultMethodologySettings() });
    const incidents = result.indicators.find(({ code }) => code === 'MASS_INCIDENTS');
    expect(incidents).toMatchObject({ pastRedLine: true, normalizedScore: 40 });
  });

  it('gives no index and no grade when nothing is known', () => {
    const result = assessRegion({ values: {}, settings: defaultMethodologySettings() });
    expect(result).toMatchObject({ index: null, grade: null, coverage: 0, complete: false });
    expect(result.missing).toHaveLength(7);
  });
});

describe('assessRegion with a custom methodology', () => {
  const settings: MethodologySettings = {
    indicators: [
      {
        code: 'TRUST',
        direction: 'HIGHER_IS_BETTER',
        weight: 0.5,
        normalization: { kind: 'GOALPOSTS', lower: 0, upper: 100 },
      },
      { code: 'PETITIONS', direction: 'LOWER_IS_BETTER', weight: 0.5, normalization: { kind: 'MIN_MAX' } },
    ],
    aggregation: 'ARITHMETIC',
    gradeBands: [
      { code: 'HARMONIOUS', minimum: 80 },
      { code: 'WARNING', minimum: 0 },
    ],
    coverageThreshold: 0.5,
  };

  it('normalizes min-max indicators against the period’s regions', () => {
    // PETITIONS peers 10, 20, 30, own 20, LOWER_IS_BETTER: (30 − 20)/20 = 0.5 → 50
    // index = 0.5 · 80 + 0.5 · 50 = 65 → WARNING under these bands
    const result = assessRegion({
      values: { TRUST: 80, PETITIONS: 20 },
      settings,
      peerValues: { PETITIONS: [10, 20, 30, null] },
    });
    expect(result.indicators[1].normalizedScore).toBe(50);
    expect(result.index).toBeCloseTo(65, 12);
    expect(result.grade).toBe('WARNING');
  });

  it('normalizes z-score indicators as 50 + 10z against the period’s regions', () => {
    // peers 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sd √(32/7); own 4 LOWER_IS_BETTER: z = +1/sd = 0.46771 → 54.677
    const zSettings: MethodologySettings = {
      ...settings,
      indicators: [settings.indicators[0], { ...settings.indicators[1], normalization: { kind: 'Z_SCORE' } }],
    };
    const result = assessRegion({
      values: { TRUST: 80, PETITIONS: 4 },
      settings: zSettings,
      peerValues: { PETITIONS: [2, 4, 4, 4, 5, 5, 7, 9] },
    });
    expect(result.indicators[1].normalizedScore).toBeCloseTo(50 + 10 / Math.sqrt(32 / 7), 12);
  });

  it('scores on 1–100 and takes the geometric mean when asked', () => {
    // TRUST 80: 1 + 0.8 · 99 = 80.2; PETITIONS 20 of 10..30: 1 + 0.5 · 99 = 50.5; √(80.2 · 50.5) = 63.6404
    const result = assessRegion({
      values: { TRUST: 80, PETITIONS: 20 },
      settings: { ...settings, aggregation: 'GEOMETRIC' },
      peerValues: { PETITIONS: [10, 20, 30] },
    });
    expect(result.scale).toBe('ONE_TO_HUNDRED');
    expect(result.indicators.map(({ normalizedScore }) => normalizedScore)).toEqual([80.2, 50.5].map((v) => expect.closeTo(v, 12)));
    expect(result.index).toBe(roundIndex(Math.sqrt(80.2 * 50.5)));
    expect(scaleFor('ARITHMETIC')).toBe('ZERO_TO_HUNDRED');
  });

  it('needs no peers for a missing value', () => {
    const result = assessRegion({ values: { TRUST: 90, PETITIONS: null }, settings });
    expect(result.index).toBe(90);
    expect(result.missing).toEqual(['PETITIONS']);
  });

  it('refuses a cross-region indicator without the period’s values, or values without this region', () => {
    expect(() => assessRegion({ values: { TRUST: 80, PETITIONS: 20 }, settings })).toThrow(refusal('MISSING_PEER_VALUES'));
    expect(() => assessRegion({ values: { TRUST: 80, PETITIONS: 20 }, settings, peerValues: { PETITIONS: [10, 30] } })).toThrow(
      refusal('MISSING_PEER_VALUES'),
    );
  });

  it('refuses unknown indicators, non-finite values and broken methodologies', () => {
    expect(() => assessRegion({ values: { TRUST: 80, PETITONS: 20 }, settings })).toThrow(refusal('UNKNOWN_INDICATOR'));
    expect(() => assessRegion({ values: { TRUST: Number.NaN }, settings })).toThrow(refusal('NON_FINITE_VALUE'));
    const badWeights = { ...settings, indicators: settings.indicators.map((i) => ({ ...i, weight: 0.7 })) };
    expect(() => assessRegion({ values: { TRUST: 80 }, settings: badWeights })).toThrow(refusal('INVALID_WEIGHTS'));
    const badGoalposts: MethodologySettings = {
      ...settings,
      indicators: [{ ...settings.indicators[0], normalization: { kind: 'GOALPOSTS', lower: 100, upper: 0 } }, settings.indicators[1]],
    };
    expect(() => assessRegion({ values: { TRUST: 80 }, settings: badGoalposts })).toThrow(refusal('INVALID_GOALPOSTS'));
    expect(() =>
      assessRegion({
        values: { TRUST: 80 },
        settings: { ...settings, gradeBands: [{ code: 'WARNING', minimum: 10 }] },
      }),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() => assessRegion({ values: {}, settings: { ...settings, indicators: [] } })).toThrow(refusal('EMPTY_INPUT'));
    expect(() =>
      assessRegion({
        values: {},
        settings: { ...settings, indicators: [settings.indicators[0], settings.indicators[0]] },
      }),
    ).toThrow(refusal('DUPLICATE_CODE'));
    expect(() => assessRegion({ values: {}, settings: { ...settings, coverageThreshold: 1.5 } })).toThrow(refusal('INVALID_THRESHOLD'));
  });
});

describe('assessRegions', () => {
  const settings: MethodologySettings = {
    indicators: [
      {
        code: 'TRUST',
        direction: 'HIGHER_IS_BETTER',
        weight: 0.5,
        normalization: { kind: 'GOALPOSTS', lower: 0, upper: 100 },
      },
      { code: 'PETITIONS', direction: 'LOWER_IS_BETTER', weight: 0.5, normalization: { kind: 'MIN_MAX' } },
    ],
    aggregation: 'ARITHMETIC',
  };

  it('takes the peers from the regions given and ranks them', () => {
    // PETITIONS 10, 20, 30 → 100, 50, 0; TRUST 60, 90, 100
    // indices: N = (60 + 100)/2 = 80, S = (90 + 50)/2 = 70, E = (100 + 0)/2 = 50; W has nothing
    const results = assessRegions(
      [
        { region: 'N', values: { TRUST: 60, PETITIONS: 10 } },
        { region: 'S', values: { TRUST: 90, PETITIONS: 20 } },
        { region: 'E', values: { TRUST: 100, PETITIONS: 30 } },
        { region: 'W', values: {} },
      ],
      settings,
    );
    expect(results.map(({ region, index, rank }) => [region, index, rank])).toEqual([
      ['N', 80, 1],
      ['S', 70, 2],
      ['E', 50, 3],
      ['W', null, null],
    ]);
    expect(results[1]).toMatchObject(
      assessRegion({ values: { TRUST: 90, PETITIONS: 20 }, settings, peerValues: { PETITIONS: [10, 20, 30, null] } }),
    );
  });

  it('refuses no regions or a region twice', () => {
    expect(() => assessRegions([], settings)).toThrow(refusal('EMPTY_INPUT'));
    expect(() =>
      assessRegions(
        [
          { region: 'N', values: {} },
          { region: 'N', values: {} },
        ],
        settings,
      ),
    ).toThrow(refusal('DUPLICATE_CODE'));
  });
});

describe('assessTable (the batch path)', () => {
  const settings: MethodologySettings = {
    indicators: [
      {
        code: 'TRUST',
        direction: 'HIGHER_IS_BETTER',
        weight: 0.4,
        normalization: { kind: 'GOALPOSTS', lower: 0, upper: 100 },
        redLine: 50,
      },
      { code: 'PETITIONS', direction: 'LOWER_IS_BETTER', weight: 0.35, normalization: { kind: 'MIN_MAX' } },
      { code: 'INCIDENTS', direction: 'LOWER_IS_BETTER', weight: 0.25, normalization: { kind: 'Z_SCORE' } },
    ],
    aggregation: 'ARITHMETIC',
    coverageThreshold: 0.7,
  };
  const rows: Record<string, number | null>[] = [
    { TRUST: 60, PETITIONS: 10, INCIDENTS: 2 },
    { TRUST: 45, PETITIONS: 30, INCIDENTS: null },
    { TRUST: null, PETITIONS: 20, INCIDENTS: 5 },
    { TRUST: 90, PETITIONS: null, INCIDENTS: 1 },
    { TRUST: null, PETITIONS: null, INCIDENTS: null },
  ];
  const table = (raw: (number | null)[][]) => Float64Array.from(raw.flat(), (value) => value ?? Number.NaN);
  const codes = settings.indicators.map(({ code }) => code);
  const raw = table(rows.map((row) => codes.map((code) => row[code])));

  it('gives, row by row, what assessRegion gives with the rows as peers, for each normalization and aggregation', () => {
    for (const aggregation of ['ARITHMETIC', 'GEOMETRIC'] as const) {
      const withAggregation = { ...settings, aggregation };
      const prepared = prepareMethodology(withAggregation);
      const result = assessTable(prepared, raw, rows.length);
      const peerValues = Object.fromEntries(codes.map((code) => [code, rows.map((row) => row[code])]));
      rows.forEach((row, r) => {
        const values = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
        expect(assessmentOf(prepared, result, r)).toEqual(assessRegion({ values, settings: withAggregation, peerValues }));
      });
    }
  });

  it('lays out index, coverage, completeness, grade and red lines as columns, NaN for none', () => {
    const result = assessTable(prepareMethodology(settings), raw, rows.length);
    // Row 2 has TRUST 45 (past its red line of 50), PETITIONS 30 (the worst: 0), no INCIDENTS.
    expect(result.scores[1 * 3 + 1]).toBe(0);
    expect(result.pastRedLines[1 * 3 + 0]).toBe(1);
    expect(Number.isNaN(result.scores[1 * 3 + 2])).toBe(true);
    expect(result.coverage[1]).toBeCloseTo(0.75, 12);
    expect(result.complete[1]).toBe(1);
    // Row 3 has 0.6 of the weight: incomplete below 0.7. Row 5 has nothing: no index, no grade.
    expect(result.complete[2]).toBe(0);
    expect(Number.isNaN(result.index[4])).toBe(true);
    expect(result.grades[4]).toBeNull();
    expect(result.coverage[4]).toBe(0);
    expect(Array.from(result.effectiveWeights.subarray(12, 15)).every(Number.isNaN)).toBe(true);
  });

  it('takes given peer statistics instead of the rows’ own', () => {
    const prepared = prepareMethodology(settings);
    const one = table([[60, 10, 2]]);
    // Alone, a min-max value is at the midpoint (50); against bounds 10–30 it is the best (100).
    expect(assessTable(prepared, one, 1).scores[1]).toBe(50);
    expect(assessTable(prepared, one, 1, [undefined, { minimum: 10, maximum: 30, count: 3 }, null]).scores[1]).toBe(100);
  });

  it('refuses a non-finite value, a table of the wrong size and a methodology it cannot use', () => {
    const prepared = prepareMethodology(settings);
    expect(() => assessTable(prepared, table([[Infinity, 1, 1]]), 1)).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => assessTable(prepared, table([[1, 1]]), 1)).toThrow(refusal('LENGTH_MISMATCH'));
    const badWeights = { ...settings, indicators: settings.indicators.map((indicator) => ({ ...indicator, weight: 0.5 })) };
    expect(() => prepareMethodology(badWeights)).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => prepareMethodology({ ...settings, coverageThreshold: 2 })).toThrow(refusal('INVALID_THRESHOLD'));
  });

  it('compares 10,000 regions on a min-max indicator in one pass over the rows, not one per region', () => {
    const many = Float64Array.from({ length: 30_000 }, (_, i) => (i % 3 === 1 ? i : 50));
    const result = assessTable(prepareMethodology(settings), many, 10_000);
    // The smallest PETITIONS value (1) scores 100, the largest (29,998) scores 0.
    expect(result.scores[1]).toBe(100);
    expect(result.scores[9_999 * 3 + 1]).toBe(0);
  });
});
