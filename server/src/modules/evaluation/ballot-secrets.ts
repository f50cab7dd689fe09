import { createHmac } from 'node:crypto';
import type { BallotRepository } from './ballot.repository';

/**
 * The nullifier of a citizen's ballot for one term of one campaign: HMAC-SHA256 under the configured
 * BALLOT_SECRET of the three ids. Deterministic (a second ballot collides with the first under the
 * participation table's primary key), and without the secret it cannot be traced back to the citizen.
 */
export function nullifierOf(secret: string, campaignId: string, termId: string, userId: string): Buffer {
  return createHmac('sha256', secret).update(`${campaignId}\n${termId}\n${userId}`).digest();
}

/** The nullifiers of the server's BALLOT_SECRET, and what they tell of a citizen's own ballots. */
export class BallotKeys {
  /** The secret is read when first needed: a process without one (schema emission) never asks. */
  constructor(private readonly secret: string | null) {}

  nullifier(campaignId: string, termId: string, userId: string): Buffer {
    if (!this.secret) throw new Error('BALLOT_SECRET is not set');
    return nullifierOf(this.secret, campaignId, termId, userId);
  }

  /** The terms of each campaign this citizen has cast a ballot for (their nullifiers found in participation): one statement. */
  async votedTermsOfCampaigns(
    ballots: BallotRepository,
    campaigns: readonly { campaignId: string; termIds: readonly string[] }[],
    userId: string,
  ): Promise<Map<string, Set<string>>> {
    const keys = campaigns.flatMap(({ campaignId, termIds }) =>
      termIds.map((termId) => ({ campaignId, termId, nullifier: this.nullifier(campaignId, termId, userId) })),
    );
    const found = await ballots.existingNullifiers(keys.map((key) => key.nullifier));
    const voted = new Map<string, Set<string>>(campaigns.map(({ campaignId }) => [campaignId, new Set<string>()]));
    for (const key of keys) if (found.has(key.nullifier.toString('hex'))) voted.get(key.campaignId)?.add(key.termId);
    return voted;
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
