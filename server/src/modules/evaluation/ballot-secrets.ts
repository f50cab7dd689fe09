import { createHash, createHmac, randomBytes } from 'node:crypto';
import { evaluation } from '@massline/shared';
import type { BallotRepository } from './ballot.repository';

/**
 * The nullifier of a citizen's ballot for one term of one campaign: HMAC-SHA256 under the configured
 * BALLOT_SECRET of the three ids. Deterministic (a second ballot collides with the first under the
 * participation table's primary key), and without the secret it cannot be traced back to the citizen.
 */
export function nullifierOf(secret: string, campaignId: string, termId: string, userId: string): Buffer {
  return createHmac('sha256', secret).update(`${campaignId}\n${termId}\n${userId}`).digest();
}

/** A new receipt code: 20 characters of the receipt alphabet, 100 random bits (32 symbols, 5 bits each). */
export function newReceiptCode(): string {
  const bytes = randomBytes(evaluation.RECEIPT_LENGTH);
  return Array.from(bytes, (byte) => evaluation.RECEIPT_ALPHABET[byte & 31]).join('');
}

/** What is stored of a receipt: the SHA-256 of its canonical code (shared's normalizeReceiptCode). */
export function receiptHashOf(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}

/** The nullifiers of the server's BALLOT_SECRET, and what they tell of a citizen's own ballots. */
export class BallotKeys {
  /** The secret is read when first needed: a process without one (schema emission) never asks. */
  constructor(private readonly secret: string | null) {}

  nullifier(campaignId: string, termId: string, userId: string): Buffer {
    if (!this.secret) throw new Error('BALLOT_SECRET is not set');
    return nullifierOf(this.secret, campaignId, termId, userId);
  }

  /** The terms of a campaign this citizen has cast a ballot for (their nullifiers found in participation). */
  async votedTerms(ballots: BallotRepository, campaignId: string, termIds: readonly string[], userId: string): Promise<Set<string>> {
    const keys = termIds.map((termId) => ({ termId, nullifier: this.nullifier(campaignId, termId, userId) }));
    const found = await ballots.existingNullifiers(keys.map((key) => key.nullifier));
    return new Set(keys.filter((key) => found.has(key.nullifier.toString('hex'))).map((key) => key.termId));
  }

  /** Of these citizens, those who have cast a ballot for every term of the campaign (one statement). */
  async votedAll(ballots: BallotRepository, campaignId: string, termIds: readonly string[], userIds: readonly string[]): Promise<string[]> {
    const keys = userIds.flatMap((userId) => termIds.map((termId) => ({ userId, nullifier: this.nullifier(campaignId, termId, userId) })));
    const found = await ballots.existingNullifiers(keys.map((key) => key.nullifier));
    const voted = new Map<string, number>();
    for (const key of keys) if (found.has(key.nullifier.toString('hex'))) voted.set(key.userId, (voted.get(key.userId) ?? 0) + 1);
    return userIds.filter((userId) => voted.get(userId) === termIds.length);
  }
}
