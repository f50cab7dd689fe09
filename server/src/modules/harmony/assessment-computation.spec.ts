import { describe, expect, it } from 'vitest';
import { harmony } from '@massline/shared';
import {
  assessPeriod,
  completeAssessments,
  DIRECT,
  prepareComputation,
  type ComputationSettings,
  type PeriodAssessments,
  type RegionNode,
} from './assessment-computation';

/**
 * A province P with two counties A (300 residents) and B (100), two indicators:
 * X on goalposts 0–100, higher is better; Y on goalposts 0–10, lower is better; weights ½ each.
 */
const settings: harmony.MethodologySettings = {
  indicators: [
    { code: 'X', direction: 'HIGHER_IS_BETTER', weight: 0.5, normalization: { kind: 'GOALPOSTS', lower: 0, upper: 100 } },
    { code: 'Y', direction: 'LOWER_IS_BETTER', weight: 0.5, normalization: { kind: 'GOALPOSTS', lower: 0, upper: 10 }, redLine: 5 },
  ],
  aggregation: 'ARITHMETIC',
  coverageThreshold: 0.65,
};
const regions: RegionNode[] = [
  { id: 'P', parentId: null, level: 'PROVINCE' },
  { id: 'A', parentId: 'P', level: 'COUNTY' },
  { id: 'B', parentId: 'P', level: 'COUNTY' },
];

/** Every input of a batch, laid out as the store lays it out (arrays by region position, NaN = missing). */
interface ComputationInput extends ComputationSettings {
  periods: string[];
  values: Map<string, Float64Array>;
  population: Map<string, Float64Array>;
  storedIndices: Map<string, Float64Array>;
}

/** The three steps as the store runs them: prepare, assess each period, complete. */
function computeAssessments(input: ComputationInput): PeriodAssessments[] {
  const computation = prepareComputation(input);
  const results = input.periods.map((period) => assessPeriod(computation, period, input.values.get(period), input.population.get(period)));
  completeAssessments(computation, results, input.storedIndices);
  return results;
}

const orNull = harmony.nullIfMissing;

/** The assessments as records, to compare with hand-computed figures. */
function assessmentRecords(regions: readonly RegionNode[], codes: readonly string[], results: readonly PeriodAssessments[]) {
  const k = codes.length;
  return results.flatMap((result) =>
    Array.from(result.assessed, (region) => {
      const cells = <T>(pick: (cell: number) => T) => codes.map((_, c) => pick(region * k + c));
      return {
        regionId: regions[region].id,
        period: result.period,
        index: orNull(result.table.index[region]),
        grade: result.table.grades[region],
        coverage: result.table.coverage[region],
        complete: result.table.complete[region] === 1,
        method: result.method[region] === DIRECT ? 'DIRECT' : 'ROLLED_UP',
        rank: result.rank[region] || null,
        siblingCount: result.siblingCount[region],
        previousIndex: orNull(result.previousIndex[region]),
        rawValues: cells((cell) => orNull(result.table.raw[cell])),
        normalizedScores: cells((cell) => orNull(result.table.scores[cell])),
        pastRedLines: cells((cell) => result.table.pastRedLines[cell] === 1),
        winsorised: cells((cell) => result.winsorised[cell] === 1),
        missing: codes.filter((_, c) => Number.isNaN(result.table.scores[region * k + c])),
        alerts: result.alerts.filter((entry) => entry.region === region).map((entry) => entry.alert),
      };
    }),
  );
}

/** The computation's inputs written by region id and indicator code, laid out as its arrays. */
interface Readable {
  settings: harmony.MethodologySettings;
  alertRules: harmony.AlertRule[];
  winsorise: boolean;
  regions: RegionNode[];
  periods: string[];
  values: Map<string, Map<string, Record<string, number>>>;
  population: Map<string, Map<string, number>>;
  storedIndices: Map<string, Map<string, number>>;
}
const byPosition = (list: readonly RegionNode[], known: Map<string, number> | undefined) =>
  Float64Array.from(list, (region) => known?.get(region.id) ?? Number.NaN);
function laidOut(readable: Readable): ComputationInput {
  const codes = readable.settings.indicators.map((indicator) => indicator.code);
  const matrix = (byId: Map<string, Record<string, number>>) =>
    Float64Array.from(readable.regions.flatMap((region) => codes.map((code) => byId.get(region.id)?.[code] ?? Number.NaN)));
  return {
    ...readable,
    values: new Map([...readable.values].map(([period, byId]) => [period, matrix(byId)])),
    population: new Map([...readable.population].map(([period, byId]) => [period, byPosition(readable.regions, byId)])),
    storedIndices: new Map([...readable.storedIndices].map(([period, byId]) => [period, byPosition(readable.regions, byId)])),
  };
}
const input = (overrides: Partial<Readable> = {}): Readable => ({
  settings,
  alertRules: [{ kind: 'INDEX_BELOW', threshold: 60 }, { kind: 'FALL_SINCE_PREVIOUS', points: 5 }, { kind: 'RED_LINE' }],
  winsorise: false,
  regions,
  periods: ['2026-Q2'],
  values: new Map([
    [
      '2026-Q2',
      new Map([
        ['A', { X: 80, Y: 2 }],
        ['B', { X: 60, Y: 6 }],
      ]),
    ],
  ]),
  population: new Map([
    [
      '2026-Q2',
      new Map([
        ['A', 300],
        ['B', 100],
        ['P', 400],
      ]),
    ],
  ]),
  storedIndices: new Map([
    [
      '2026-Q1',
      new Map([
        ['A', 90],
        ['B', 52],
      ]),
    ],
  ]),
  ...overrides,
});
const compute = (readable: Readable) =>
  assessmentRecords(
    readable.regions,
    readable.settings.indicators.map((indicator) => indicator.code),
    computeAssessments(laidOut(readable)),
  );
const byRegion = (list: ReturnType<typeof compute>) => new Map(list.map((a) => [a.regionId, a]));

describe('computeAssessments', () => {
  it('assesses regions with observations, ranks siblings, rolls the parent up by population', () => {
    const result = byRegion(compute(input()));
    // A: X 80, Y (10−2)/10·100 = 80 → 80. B: X 60, Y (10−6)/10·100 = 40 → 50.
    expect(result.get('A')).toMatchObject({
      index: 80,
      grade: 'BASICALLY_HARMONIOUS',
      rank: 1,
      siblingCount: 2,
      method: 'DIRECT',
      complete: true,
    });
    expect(result.get('B')).toMatchObject({ index: 50, grade: 'WARNING', rank: 2, siblingCount: 2 });
    // P = (80·300 + 50·100) / 400 = 72.5, alone among its siblings.
    expect(result.get('P')).toMatchObject({ index: 72.5, method: 'ROLLED_UP', rank: 1, siblingCount: 1, coverage: 1 });
    // Its breakdown is the population-weighted mean of the children's: X (80·300 + 60·100)/400 = 75.
    expect(result.get('P')!.normalizedScores[0]).toBe(75);
  });

  it('takes change from the stored previous period, and raises the rules’ alerts', () => {
    const result = byRegion(compute(input()));
    expect(result.get('A')!.previousIndex).toBe(90);
    // A fell 10 points (> 5); B is below 60 and its Y (6) is past the red line (5).
    expect(result.get('A')!.alerts.map((a) => a.kind)).toEqual(['FALL_SINCE_PREVIOUS']);
    expect(result.get('B')!.alerts.map((a) => `${a.kind}:${a.indicatorCode ?? ''}`)).toEqual(['INDEX_BELOW:', 'RED_LINE:Y']);
    // A roll-up raises no red line of its own: its children's alerts already say it.
    expect(result.get('P')!.alerts).toEqual([]);
  });

  it('computes several periods together, the later one’s change against the earlier one', () => {
    const values = new Map([
      [
        '2026-Q1',
        new Map([
          ['A', { X: 100, Y: 0 }],
          ['B', { X: 60, Y: 6 }],
        ]),
      ],
      [
        '2026-Q2',
        new Map([
          ['A', { X: 80, Y: 2 }],
          ['B', { X: 60, Y: 6 }],
        ]),
      ],
    ]);
    const result = compute(input({ periods: ['2026-Q1', '2026-Q2'], values, storedIndices: new Map() }));
    const a = result.filter((r) => r.regionId === 'A').sort((x, y) => x.period.localeCompare(y.period));
    expect(a.map((r) => [r.period, r.index, r.previousIndex])).toEqual([
      ['2026-Q1', 100, null],
      ['2026-Q2', 80, 100],
    ]);
  });

  it('compares min-max indicators among the regions of the same level only', () => {
    const minMax: harmony.MethodologySettings = {
      ...settings,
      indicators: [{ ...settings.indicators[0], normalization: { kind: 'MIN_MAX' } }, settings.indicators[1]],
    };
    const result = byRegion(compute(input({ settings: minMax })));
    // X among the counties: A 80 → 100, B 60 → 0. A = (100 + 80)/2 = 90, B = (0 + 40)/2 = 20.
    expect(result.get('A')!.index).toBe(90);
    expect(result.get('B')!.index).toBe(20);
  });

  it('never counts a missing value as zero: it lowers coverage and may leave the assessment incomplete', () => {
    const values = new Map<string, Map<string, Record<string, number>>>([
      [
        '2026-Q2',
        new Map<string, Record<string, number>>([
          ['A', { X: 80 }],
          ['B', { X: 60, Y: 6 }],
        ]),
      ],
    ]);
    const a = byRegion(compute(input({ values }))).get('A')!;
    expect(a).toMatchObject({ index: 80, coverage: 0.5, complete: false, missing: ['Y'] });
  });

  it('skips a parent whose children have no population for the period', () => {
    const result = byRegion(compute(input({ population: new Map() })));
    expect(result.has('P')).toBe(false);
    expect(result.get('A')!.index).toBe(80);
  });

  it('declares the values winsorisation clipped, and only when asked', () => {
    const many: RegionNode[] = Array.from({ length: 30 }, (_, i) => ({ id: `C${i}`, parentId: 'P', level: 'COUNTY' }));
    const values = new Map([['2026-Q2', new Map(many.map((r, i) => [r.id, { X: i === 0 ? 10_000 : 40 + (i % 7), Y: 3 }]))]]);
    const winsorised = compute(input({ regions: [regions[0], ...many], values, winsorise: true }));
    const flagged = winsorised.flatMap((a) => a.winsorised.filter(Boolean).map(() => a.regionId));
    expect(flagged).toEqual(['C0']);
    const plain = compute(input({ regions: [regions[0], ...many], values, winsorise: false }));
    expect(plain.some((a) => a.winsorised.some(Boolean))).toBe(false);
  });
});
