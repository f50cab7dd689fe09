/**
 * Mass satisfaction with its margin of error (PRODUCT.md: "a 95 % confidence interval"). Scores are
 * summarised by sufficient statistics (count, sum, sum of squares), which SQL computes in one pass over
 * 100,000 ballots and this module turns into a mean and a Student-t interval.
 *
 * The unit is the ballot: a cadre's overall satisfaction is the mean over ballots of each ballot's mean
 * scored answer (the answers of one ballot are not independent of each other); each criterion's is the
 * mean of its scored answers. "Don't know" is counted, never scored. When the eligible population is
 * known, the finite-population correction applies (a vote by most of a village is known more precisely
 * than the same count from a city).
 */
import { ANSWER_SCALES, type AnswerScaleCode } from './scales';

export interface ScoreSums {
  /** Scored answers (or ballots, for a ballot-level summary). */
  n: number;
  sum: number;
  sumOfSquares: number;
}

export interface MeanInterval {
  n: number;
  /** Null without any scored answer. */
  mean: number | null;
  /** The 95 % interval, clamped to the 0–100 scale; the whole scale when fewer than two answers say nothing of the spread. */
  low: number | null;
  high: number | null;
}

export const EMPTY_SUMS: ScoreSums = Object.freeze({ n: 0, sum: 0, sumOfSquares: 0 });

export function addScore(sums: ScoreSums, score: number): ScoreSums {
  return { n: sums.n + 1, sum: sums.sum + score, sumOfSquares: sums.sumOfSquares + score * score };
}

export function sumsOf(scores: readonly number[]): ScoreSums {
  return scores.reduce(addScore, EMPTY_SUMS);
}

const Z_975 = 1.959963984540054;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const numerator of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

const T_QUANTILES = new Map<number, number>();

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom (the two-sided 95 % quantile): the t
 * whose upper tail ½·I_{df/(df+t²)}(df/2, ½) is 2.5 %, found by bisection (to 1e-10); past 10,000
 * degrees of freedom, the Cornish–Fisher expansion around the normal quantile (as exact there).
 */
export function tQuantile975(df: number): number {
  if (!Number.isFinite(df) || df < 1) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
  const known = T_QUANTILES.get(df);
  if (known !== undefined) return known;
  let t: number;
  if (df > 10_000) {
    const z = Z_975;
    t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
  } else {
    let low = 0;
    let high = 64;
    while (high - low > 1e-10) {
      const middle = (low + high) / 2;
      const upperTail = 0.5 * regularizedBeta(df / (df + middle * middle), df / 2, 0.5);
      if (upperTail > 0.025) low = middle;
      else high = middle;
    }
    t = (low + high) / 2;
  }
  if (T_QUANTILES.size < 1000) T_QUANTILES.set(df, t);
  return t;
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The mean and its 95 % interval; `population`: how many could have answered (finite-population correction). */
export function meanInterval(sums: ScoreSums, population?: number | null): MeanInterval {
  const { n } = sums;
  if (n === 0) return { n, mean: null, low: null, high: null };
  const mean = sums.sum / n;
  if (n === 1) return { n, mean, low: 0, high: 100 };
  const variance = Math.max(0, (sums.sumOfSquares - (sums.sum * sums.sum) / n) / (n - 1));
  const correction = population && population > 1 && population >= n ? Math.sqrt((population - n) / (population - 1)) : 1;
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n) * correction;
  return { n, mean, low: clamp(mean - half), high: clamp(mean + half) };
}

/** One ballot's answers: criterion code → scale step code. */
export type BallotAnswers = Readonly<Record<string, string>>;

export interface CriterionTally extends ScoreSums {
  code: string;
  /** Answers "don't know" (given, not scored). */
  dontKnow: number;
}

export interface SatisfactionTally {
  ballots: number;
  /** Over ballots with at least one scored answer: each ballot's mean score. */
  ballotMeans: ScoreSums;
  criteria: CriterionTally[];
}

/**
 * The tally of ballots in memory — what the server's SQL computes for a campaign, written out plainly
 * (used for small sets, the demo and as the reference the SQL is tested against).
 */
export function tallyBallots(scale: AnswerScaleCode, criteria: readonly string[], ballots: readonly BallotAnswers[]): SatisfactionTally {
  const scores = new Map(ANSWER_SCALES[scale].steps.map((step) => [step.code, step.score]));
  const perCriterion = new Map<string, CriterionTally>(criteria.map((code) => [code, { code, dontKnow: 0, ...EMPTY_SUMS }]));
  let ballotMeans = EMPTY_SUMS;
  for (const ballot of ballots) {
    let sum = 0;
    let scored = 0;
    for (const code of criteria) {
      const score = scores.get(ballot[code] ?? '');
      const tally = perCriterion.get(code)!;
      if (score === undefined) continue;
      if (score === null) {
        tally.dontKnow++;
        continue;
      }
      Object.assign(tally, addScore(tally, score));
      sum += score;
      scored++;
    }
    if (scored > 0) ballotMeans = addScore(ballotMeans, sum / scored);
  }
  return { ballots: ballots.length, ballotMeans, criteria: [...perCriterion.values()] };
}

export interface Satisfaction {
  ballots: number;
  overall: MeanInterval;
  criteria: (MeanInterval & { code: string; dontKnow: number })[];
}

/** A tally's means and intervals, overall and per criterion. */
export function satisfactionOf(tally: SatisfactionTally, population?: number | null): Satisfaction {
  return {
    ballots: tally.ballots,
    overall: meanInterval(tally.ballotMeans, population),
    criteria: tally.criteria.map((criterion) => ({
      code: criterion.code,
      dontKnow: criterion.dontKnow,
      ...meanInterval(criterion, population),
    })),
  };
}
