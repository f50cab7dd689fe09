/**
 * Gini coefficient from income microdata, optionally weighted (survey weights or frequencies).
 *
 * Definition (PRODUCT.md; the population Gini of a weighted sample, as in World Bank PovcalNet/PIP
 * microdata statistics):
 *
 *     G = ΣᵢΣⱼ wᵢ wⱼ |xᵢ − xⱼ| / (2 W² μ),   W = Σ wᵢ,  μ = Σ wᵢ xᵢ / W
 *
 * The double sum is O(n²). After sorting incomes ascending, every pair's difference is the sum of
 * the gaps between consecutive sorted incomes, and gap k (between the k-th and k+1-th income) is
 * crossed by exactly the pairs with one member at or below k and the other above. Hence
 *
 *     ΣᵢΣⱼ wᵢ wⱼ |xᵢ − xⱼ| = 2 Σₖ (x₍ₖ₊₁₎ − x₍ₖ₎) · Aₖ · Bₖ,   Aₖ = Σ_{j≤k} w₍ⱼ₎,  Bₖ = Σ_{j>k} w₍ⱼ₎
 *
 * and G = Σₖ gapₖ Aₖ Bₖ / (W · Σ wᵢxᵢ). This "gap" form is chosen over the textbook rank form
 * Σ wᵢ xᵢ (2Cᵢ − W) because all its terms are non-negative: no cancellation, so a nearly equal
 * distribution yields a small Gini accurate to its last digits instead of rounding noise. Ties
 * need no special care (their gap is zero). Bₖ is accumulated from the top rather than computed as
 * W − Aₖ, for the same reason.
 *
 * Sorting dominates. Large inputs are sorted by an LSD radix sort on the IEEE-754 bit patterns of
 * the (non-negative) incomes that carries each weight along with its income: a few passes over
 * typed arrays, no per-element closure and no comparator calls, so a million weighted values
 * sort in tens of milliseconds.
 */
import { HarmonyMathError } from './errors';

export type NumericArray = Float64Array | readonly number[];

function isFiniteNumber(value: number): boolean {
  // Comparison form (NaN is the only value not equal to itself) keeps the hot loops call-free.
  return typeof value === 'number' && value === value && value !== Infinity && value !== -Infinity;
}

function copyIncomes(incomes: NumericArray): Float64Array {
  const n = incomes.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = incomes[i];
    if (!isFiniteNumber(x)) {
      throw new HarmonyMathError('NON_FINITE_VALUE', `income at position ${i} is not a finite number`);
    }
    if (x < 0) {
      throw new HarmonyMathError(
        'NEGATIVE_VALUE',
        `income at position ${i} is negative (${x}); the Gini is defined for non-negative incomes`,
      );
    }
    // `+ 0` turns −0 into +0: the bit pattern of −0 would sort as the largest key.
    keys[i] = x + 0;
  }
  return keys;
}

function copyWeights(weights: NumericArray, n: number): Float64Array {
  if (weights.length !== n) {
    throw new HarmonyMathError('LENGTH_MISMATCH', `${weights.length} weights for ${n} incomes`);
  }
  const copy = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!isFiniteNumber(w)) {
      throw new HarmonyMathError('NON_FINITE_VALUE', `weight at position ${i} is not a finite number`);
    }
    if (w < 0) {
      throw new HarmonyMathError('INVALID_WEIGHTS', `weight at position ${i} is negative (${w})`);
    }
    copy[i] = w;
    total += w;
  }
  if (!(total > 0)) {
    throw new HarmonyMathError('INVALID_WEIGHTS', 'weights must sum to a positive number');
  }
  return copy;
}

/** Below this size a comparator sort is simpler and as fast as the radix machinery. */
const RADIX_SORT_MIN_LENGTH = 1024;
/** Runs of equal high words up to this length are finished by insertion sort. */
const INSERTION_SORT_MAX_LENGTH = 32;

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Index, within the pair of 32-bit words of a float64, of its low and high word. */
const LOW_WORD = IS_LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = IS_LITTLE_ENDIAN ? 1 : 0;

function wordsOf(array: Float64Array): Uint32Array {
  return new Uint32Array(array.buffer, array.byteOffset, array.length * 2);
}

/** Incomes in sorted order, with their weights (or `null` when unweighted) in the same order. */
interface SortedIncomes {
  readonly keys: Float64Array;
  readonly weights: Float64Array | null;
  /** A free buffer of the same length, when the sort left one over. */
  readonly scratch: Float64Array | null;
}

/**
 * LSD radix sort of `[start, end)` by one 32-bit word of the keys, in `digitBits`-bit digits,
 * moving weights along. Ping-pongs between the arrays and the spares over the same range and
 * leaves the result in `keys`/`weights`. Stable, so a range already ordered by the high word and
 * then sorted by the low word is fully ordered.
 */
function radixSortRangeByWord(
  keys: Float64Array,
  weights: Float64Array | null,
  spareKeys: Float64Array,
  spareWeights: Float64Array | null,
  start: number,
  end: number,
  wordIndex: number,
  digitBits: 8 | 16,
): void {
  const length = end - start;
  const radix = 1 << digitBits;
  const mask = radix - 1;
  const passes = 32 / digitBits;
  const histograms = new Uint32Array(passes * radix);
  let words = wordsOf(keys);
  // Unrolled per digit size: a nested loop over passes here costs a third of the sort.
  if (digitBits === 16) {
    for (let i = start; i < end; i++) {
      const word = words[2 * i + wordIndex];
      histograms[word & 0xffff]++;
      histograms[0x10000 + (word >>> 16)]++;
    }
  } else {
    for (let i = start; i < end; i++) {
      const word = words[2 * i + wordIndex];
      histograms[word & 0xff]++;
      histograms[0x100 + ((word >>> 8) & 0xff)]++;
      histograms[0x200 + ((word >>> 16) & 0xff)]++;
      histograms[0x300 + (word >>> 24)]++;
    }
  }

  let sourceKeys = keys;
  let sourceWeights = weights;
  let targetKeys = spareKeys;
  let targetWeights = spareWeights;
  for (let pass = 0; pass < passes; pass++) {
    const base = pass * radix;
    // A digit shared by every key (typical of the exponent bits) orders nothing: skip the pass.
    let running = start;
    let shared = false;
    for (let digit = 0; digit < radix; digit++) {
      const count = histograms[base + digit];
      if (count === length) {
        shared = true;
        break;
      }
      histograms[base + digit] = running;
      running += count;
    }
    if (shared) continue;

    const shift = pass * digitBits;
    words = wordsOf(sourceKeys);
    if (sourceWeights !== null && targetWeights !== null) {
      for (let i = start; i < end; i++) {
        const digit = (words[2 * i + wordIndex] >>> shift) & mask;
        const position = histograms[base + digit]++;
        targetKeys[position] = sourceKeys[i];
        targetWeights[position] = sourceWeights[i];
      }
    } else {
      for (let i = start; i < end; i++) {
        const digit = (words[2 * i + wordIndex] >>> shift) & mask;
        targetKeys[histograms[base + digit]++] = sourceKeys[i];
      }
    }
    const keysJustWritten = targetKeys;
    targetKeys = sourceKeys;
    sourceKeys = keysJustWritten;
    const weightsJustWritten = targetWeights;
    targetWeights = sourceWeights;
    sourceWeights = weightsJustWritten;
  }
  if (sourceKeys !== keys) {
    keys.set(sourceKeys.subarray(start, end), start);
    if (weights !== null && sourceWeights !== null) weights.set(sourceWeights.subarray(start, end), start);
  }
}

function insertionSortRange(keys: Float64Array, weights: Float64Array | null, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i];
    const weight = weights === null ? 0 : weights[i];
    let j = i - 1;
    while (j >= start && keys[j] > key) {
      keys[j + 1] = keys[j];
      if (weights !== null) weights[j + 1] = weights[j];
      j--;
    }
    keys[j + 1] = key;
    if (weights !== null) weights[j + 1] = weight;
  }
}

/**
 * Sorts non-negative keys (no −0) ascending, carrying weights along. The bit pattern of a
 * non-negative double, read as an unsigned integer, orders like the number, so an integer radix
 * sort applies. Two 16-bit passes on the high word (sign, exponent and the top 20 mantissa bits)
 * do the heavy lifting; keys that share a high word form short runs in real income data and are
 * finished by insertion sort, or, for long runs (adversarial data packed into 2⁻²⁰ relative
 * width), by a radix sort of the run on the low word — so the worst case stays linear.
 */
function radixSortIncomes(keys: Float64Array, weights: Float64Array | null): SortedIncomes {
  const n = keys.length;
  const spareKeys = new Float64Array(n);
  const spareWeights = weights === null ? null : new Float64Array(n);
  radixSortRangeByWord(keys, weights, spareKeys, spareWeights, 0, n, HIGH_WORD, 16);

  const words = wordsOf(keys);
  let start = 0;
  while (start < n) {
    const high = words[2 * start + HIGH_WORD];
    let end = start + 1;
    let ordered = true;
    while (end < n && words[2 * end + HIGH_WORD] === high) {
      if (keys[end] < keys[end - 1]) ordered = false;
      end++;
    }
    if (!ordered) {
      if (end - start <= INSERTION_SORT_MAX_LENGTH) insertionSortRange(keys, weights, start, end);
      else radixSortRangeByWord(keys, weights, spareKeys, spareWeights, start, end, LOW_WORD, 8);
    }
    start = end;
  }
  return { keys, weights, scratch: spareKeys };
}

function comparatorSortIncomes(keys: Float64Array, weights: Float64Array | null): SortedIncomes {
  const n = keys.length;
  if (weights === null) {
    keys.sort();
    return { keys, weights, scratch: null };
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((left, right) => keys[left] - keys[right]);
  const sortedKeys = new Float64Array(n);
  const sortedWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sortedKeys[i] = keys[order[i]];
    sortedWeights[i] = weights[order[i]];
  }
  return { keys: sortedKeys, weights: sortedWeights, scratch: keys };
}

function giniOfSortedUnweighted(sorted: Float64Array): number {
  const n = sorted.length;
  let total = 0;
  let gapSum = 0;
  for (let k = 0; k < n; k++) total += sorted[k];
  if (total === 0) {
    throw new HarmonyMathError('ZERO_MEAN', 'all incomes are zero: the Gini is undefined for a zero mean');
  }
  // Aₖ = k + 1 and Bₖ = n − k − 1: integers, exact in floating point for any realistic n.
  for (let k = 0; k < n - 1; k++) {
    gapSum += (sorted[k + 1] - sorted[k]) * (k + 1) * (n - k - 1);
  }
  return gapSum / (n * total);
}

function giniOfSortedWeighted(keys: Float64Array, weights: Float64Array, spare: Float64Array | null): number {
  const n = keys.length;
  const scratch = spare ?? new Float64Array(n);
  // scratch[k] = Bₖ = weight strictly above position k, accumulated from the top.
  let above = 0;
  for (let k = n - 1; k >= 0; k--) {
    scratch[k] = above;
    above += weights[k];
  }
  const totalWeight = above;
  let weightedTotal = 0;
  let atOrBelow = 0;
  let gapSum = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k];
    const x = keys[k];
    weightedTotal += w * x;
    atOrBelow += w;
    if (k < n - 1) gapSum += (keys[k + 1] - x) * atOrBelow * scratch[k];
  }
  if (weightedTotal === 0) {
    throw new HarmonyMathError('ZERO_MEAN', 'the weighted mean income is zero: the Gini is undefined');
  }
  return gapSum / (totalWeight * weightedTotal);
}

/**
 * Exact (population) Gini coefficient of incomes, weighted when `weights` are given.
 *
 * Refuses: empty input, NaN/±Infinity, negative incomes, negative weights, weights summing to 0,
 * mismatched lengths, and a zero mean (all incomes zero, or all weight on zero incomes).
 * One value, or all values equal, give 0. Integer weights behave as frequencies: weights (3, 1)
 * on incomes (1, 3) give the Gini of (1, 1, 1, 3).
 *
 * O(n log n) for small inputs, O(n) radix passes for large ones; the inputs are not modified.
 */
export function giniFromMicrodata(incomes: NumericArray, weights?: NumericArray): number {
  const n = incomes.length;
  if (n === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no incomes given');
  const keys = copyIncomes(incomes);
  const weightCopy = weights === undefined ? null : copyWeights(weights, n);

  const sorted = n < RADIX_SORT_MIN_LENGTH ? comparatorSortIncomes(keys, weightCopy) : radixSortIncomes(keys, weightCopy);
  return sorted.weights === null ? giniOfSortedUnweighted(sorted.keys) : giniOfSortedWeighted(sorted.keys, sorted.weights, sorted.scratch);
}
