/**
 * How precisely each kind of figure is shown — decided here once, for the server and the console alike.
 * A figure is rounded to its displayed precision BEFORE it is graded, ranked, compared with an alert's
 * threshold or stored, so that nothing reads "85.0 Basically harmonious" under a "Harmonious ≥ 85" line
 * (84.98) or "Index 60.0, below 60.0" (59.95): what is shown is what was judged.
 */

/** Decimals of a harmony index (0–100), of a change of it and of an alert's points. */
export const INDEX_DECIMALS = 1;

/**
 * Rounds half away from zero on the figure's decimal writing, not on its binary value: 84.95 is stored
 * as 84.9499999…, 1.005 as 1.00499…, and both still round up as a reader of the decimal figure expects.
 * Shifting the decimal point in the number's shortest decimal text ("84.95e1") does that exactly.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const scale = 10 ** decimals;
  let shifted = magnitude * scale;
  // Only a figure near a half is ambiguous in binary; anything else rounds the same either way, without
  // the text round trip (a recomputation rounds 60,000 indices).
  if (Math.abs(shifted - Math.floor(shifted) - 0.5) < 1e-6) {
    const [digits, exponent = '0'] = String(magnitude).split('e');
    shifted = Number(`${digits}e${Number(exponent) + decimals}`);
  }
  // An integer over a power of ten: the division is correctly rounded, so this is the double nearest the decimal.
  const rounded = Math.round(shifted) / scale;
  // No negative zero: −0.04 rounds to 0.0, not to "−0.0".
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** An index as shown (one decimal); null stays null. */
export function roundIndex(value: number): number;
export function roundIndex(value: number | null): number | null;
export function roundIndex(value: number | null): number | null {
  return value === null ? null : roundHalfAwayFromZero(value, INDEX_DECIMALS);
}
