/**
 * A ballot's receipt code: 20 characters of Crockford's base-32 alphabet (100 random bits), shown to the
 * citizen once, in groups of four. Only its SHA-256 is stored with the ballot; checking a receipt tells
 * that the ballot is counted, never what it says (a receipt proves nothing to a vote buyer).
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 20;

/** The code in groups of four: `7K2M-Q9XD-…`. */
export function formatReceiptCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * A code as typed, made canonical: upper case, separators and spaces dropped, the letters people confuse
 * read as the digits they look like (O → 0, I and L → 1). Null when it cannot be a receipt code.
 */
export function normalizeReceiptCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== RECEIPT_LENGTH) return null;
  for (const ch of code) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return code;
}
