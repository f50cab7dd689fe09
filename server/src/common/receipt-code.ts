import { createHash, randomFillSync } from 'node:crypto';
import { evaluation } from '@massline/shared';

/**
 * Receipts given once to someone who acts anonymously (a ballot's, an anonymous objection's): a random
 * code shown to them alone, of which the platform keeps only the hash.
 */

/**
 * Random bytes for the next 64 codes, drawn at once and each used once (as Node's randomUUID keeps its
 * own): asking the system's generator for 20 bytes per code cost a ballot more than its HMAC. A used
 * code's bytes are zeroed, so the pool never holds a code already given out.
 */
const pool = Buffer.alloc(evaluation.RECEIPT_LENGTH * 64);
let next = pool.length;

/** A new receipt code: 20 characters of the receipt alphabet, 100 random bits (32 symbols, 5 bits each). */
export function newReceiptCode(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  let code = '';
  for (let end = next + evaluation.RECEIPT_LENGTH; next < end; next++) {
    code += evaluation.RECEIPT_ALPHABET[pool[next] & 31];
    pool[next] = 0;
  }
  return code;
}

/** What is stored of a receipt: the SHA-256 of its canonical code (shared's normalizeReceiptCode). */
export function receiptHashOf(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}
