import { describe, expect, it } from 'vitest';
import { meanInterval, satisfactionOf, sumsOf, tallyBallots, tQuantile975 } from './satisfaction';
import { ANSWER_SCALES, stepScore } from './scales';

describe('Student t quantile (97.5 %)', () => {
  it('matches the published table', () => {
    const table: [number, number][] = [
      [1, 12.706205],
      [2, 4.302653],
      [3, 3.182446],
      [4, 2.776445],
      [5, 2.570582],
      [10, 2.228139],
      [29, 2.04523],
      [100, 1.983972],
      [20_000, 1.960083],
      [1_000_000, 1.959966],
    ];
    for (const [df, t] of table) expect(tQuantile975(df), `df ${df}`).toBeCloseTo(t, 5);
  });

  it('refuses fewer than one degree of freedom', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(Number.NaN)).toThrow(RangeError);
  });
});

describe('mean and 95 % interval', () => {
  it('is the Student-t interval of the mean, clamped to the scale (hand-checked)', () => {
    // 100, 75, 55, 100: mean 82.5, variance (28650 − 330²/4) / 3 = 475, se √475 / 2 = 10.897, t(3) = 3.1824.
    const interval = meanInterval(sumsOf([100, 75, 55, 100]));
    expect(interval.n).toBe(4);
    expect(interval.mean).toBe(82.5);
    expect(interval.low).toBeCloseTo(82.5 - 3.18245 * 10.89725, 2);
    expect(interval.high).toBe(100);
  });

  it('narrows with the finite-population correction, to nothing when everybody answered', () => {
    const sums = sumsOf([100, 75, 55, 100]);
    expect(meanInterval(sums, 4)).toMatchObject({ low: 82.5, high: 82.5 });
    // √((10 − 4) / 9) = 0.8165 of the half-width.
    expect(meanInterval(sums, 10).low).toBeCloseTo(82.5 - 3.18245 * 10.89725 * Math.sqrt(6 / 9), 2);
    expect(meanInterval(sums, 1_000_000).low).toBeCloseTo(meanInterval(sums).low!, 2);
  });

  it('says nothing without answers, and the whole scale from one answer', () => {
    expect(meanInterval(sumsOf([]))).toEqual({ n: 0, mean: null, low: null, high: null });
    expect(meanInterval(sumsOf([75]))).toEqual({ n: 1, mean: 75, low: 0, high: 100 });
  });

  it('has no width when every answer is the same', () => {
    expect(meanInterval(sumsOf(Array<number>(40).fill(75)))).toEqual({ n: 40, mean: 75, low: 75, high: 75 });
  });
});

describe('tally of ballots', () => {
  it('scores each step of the scale, counts "don\'t know" without scoring it, and averages per ballot', () => {
    const tally = tallyBallots(
      'PROVINCIAL_FOUR_STEP',
      ['A', 'B'],
      [
        { A: 'SATISFIED', B: 'DONT_KNOW' },
        { A: 'DISSATISFIED', B: 'BASICALLY_SATISFIED' },
        { A: 'DONT_KNOW', B: 'DONT_KNOW' },
      ],
    );
    expect(tally.ballots).toBe(3);
    expect(tally.criteria).toEqual([
      { code: 'A', n: 2, sum: 155, sumOfSquares: 100 * 100 + 55 * 55, dontKnow: 1 },
      { code: 'B', n: 1, sum: 75, sumOfSquares: 75 * 75, dontKnow: 2 },
    ]);
    // Ballot means 100 and (55 + 75) / 2 = 65; the third ballot has nothing scored.
    expect(tally.ballotMeans).toEqual({ n: 2, sum: 165, sumOfSquares: 100 * 100 + 65 * 65 });
    const satisfaction = satisfactionOf(tally);
    expect(satisfaction.overall.mean).toBe(82.5);
    expect(satisfaction.criteria.map((c) => [c.code, c.mean, c.dontKnow])).toEqual([
      ['A', 77.5, 1],
      ['B', 75, 2],
    ]);
  });

  it('uses the national five-step scale when the campaign does', () => {
    const tally = tallyBallots('NATIONAL_FIVE_STEP', ['A'], [{ A: 'VERY_SATISFIED' }, { A: 'NOT_VERY_SATISFIED' }, { A: 'DISSATISFIED' }]);
    expect(tally.criteria[0]).toMatchObject({ n: 3, sum: 130 });
  });

  it('knows the steps of each scale', () => {
    expect(ANSWER_SCALES.PROVINCIAL_FOUR_STEP.steps.map((s) => s.score)).toEqual([100, 75, 55, null]);
    expect(ANSWER_SCALES.NATIONAL_FIVE_STEP.steps.map((s) => s.score)).toEqual([100, 80, 60, 30, 0, null]);
    expect(stepScore('PROVINCIAL_FOUR_STEP', 'DONT_KNOW')).toBeNull();
    expect(stepScore('PROVINCIAL_FOUR_STEP', 'VERY_SATISFIED')).toBeUndefined();
  });
});
