import { createHash, randomBytes } from 'node:crypto';
import { evaluation } from '@massline/shared';

/**
 * Receipts given once to someone who acts anonymously (a ballot's, an anonymous objection's): a random
 * code shown to them alone, of which the platform keeps only the hash.
 */

/** A new receipt code: 20 characters of the receipt alphabet, 100 random bits (32 symbols, 5 bits each). */
export function newReceiptCode(): string {
  const bytes = randomBytes(evaluation.RECEIPT_LENGTH);
  return Array.from(bytes, (byte) => evaluation.RECEIPT_ALPHABET[byte & 31]).join('');
}

/** What is stored of a receipt: the SHA-256 of its canonical code (shared's normalizeReceiptCode). */
export function receiptHashOf(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}
