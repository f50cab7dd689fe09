import { describe, it, expect } from 'vitest';
import * as harmony from './index';

describe('harmony index public API', () => {
  it('exports the functions the server and the console use', () => {
    const functions = [
      'rateFromCount',
      'giniFromMicrodata',
      'giniFromShares',
      'giniFromSharesLinear',
      'fitLorenzQuadratic',
      'normalizeGoalposts',
      'normalizeMinMax',
      'normalizeZScore',
      'aggregate',
      'aggregateArithmetic',
      'aggregateGeometric',
      'gradeFor',
      'rollUpByPopulation',
      'rankAmongSiblings',
      'changeAgainstPrevious',
      'checkSkewKurtosis',
      'highlyCorrelatedPairs',
      'indicatorCoverage',
      'winsorise',
      'weightSensitivity',
      'createRng',
      'assessRegion',
      'assessRegions',
      'defaultMethodologySettings',
    ] as const;
    for (const name of functions) expect(typeof harmony[name], name).toBe('function');
  });

  it('computes through the index the same figures as through the modules', () => {
    // Gini of 1, 2, 3, 4 = 0.25; the default county of assessment.spec scores 65.5
    expect(harmony.giniFromMicrodata([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
    expect(harmony.gradeFor(65.5)).toBe('ATTENTION');
    expect(new harmony.HarmonyMathError('EMPTY_INPUT', 'x')).toBeInstanceOf(Error);
  });
});
