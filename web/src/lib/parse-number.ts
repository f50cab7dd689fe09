/** A finite number, or null for empty or anything else (an <input type="number"> gives '' for bad text). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** A number as the shared rules check it: empty or bad text is NaN, which they refuse as "not a number". */
export function numberOrNaN(text: string): number {
  return parseNumber(text) ?? Number.NaN;
}
