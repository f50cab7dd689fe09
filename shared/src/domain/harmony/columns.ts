/**
 * The convention of the batch path (`assessTable` and the server's recomputation): measures of many
 * regions are typed arrays in which NaN stands for "missing" or "none"; records say null.
 */

/** `length` NaNs: a column with nothing known yet. */
export function missingColumn(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** A column's cell as a record holds it: NaN becomes null. */
export function nullIfMissing(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
