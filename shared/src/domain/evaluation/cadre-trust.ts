/**
 * How published evaluation campaigns feed the harmony index's CADRE_TRUST indicator (percent, 0–100,
 * higher is better) for a region and period.
 *
 * The value is the region's mass satisfaction: the mean, over every published ballot, of the ballot's
 * mean scored answer (each step's score is already on 0–100: the provincial scale's "satisfied" is 100,
 * "basically satisfied" 70 …; "don't know" is not scored, and a ballot with only "don't know" counts for
 * nothing). A ballot is published when its cadre (term) reached the campaign's k: the ballots of a cadre
 * below k publish no figure and feed nothing, and a campaign none of whose cadres reached k does not feed
 * the index at all. Several published campaigns of one region and period are pooled ballot by ballot (so
 * weighted by their scored ballots), never averaged campaign by campaign.
 */
import type { ScoreSums } from './satisfaction';

/** One published campaign's tally, per cadre (term): its ballots and the sums of the ballots' mean scores. */
export interface CampaignTrustTally {
  campaignId: string;
  /** k, the campaign's publication threshold. */
  publicationThreshold: number;
  terms: readonly { ballots: number; ballotMeans: ScoreSums }[];
}

export interface CadreTrust {
  /** The CADRE_TRUST value, 0–100. */
  value: number;
  /** The scored ballots it is the mean of. */
  ballots: number;
  /** The campaigns that fed it (those with at least one cadre at or above k), in the order given. */
  campaignIds: string[];
}

/** The CADRE_TRUST value of a region and period from its published campaigns, or null when none of them publishes a figure. */
export function cadreTrustOf(campaigns: readonly CampaignTrustTally[]): CadreTrust | null {
  let n = 0;
  let sum = 0;
  const campaignIds: string[] = [];
  for (const campaign of campaigns) {
    const published = campaign.terms.filter((term) => term.ballots >= campaign.publicationThreshold && term.ballotMeans.n > 0);
    if (published.length === 0) continue;
    campaignIds.push(campaign.campaignId);
    for (const term of published) {
      n += term.ballotMeans.n;
      sum += term.ballotMeans.sum;
    }
  }
  if (n === 0) return null;
  return { value: sum / n, ballots: n, campaignIds };
}
