import { describe, expect, it } from 'vitest';
import { cadreTrustOf } from './cadre-trust';
import { sumsOf } from './satisfaction';

describe('cadreTrustOf', () => {
  it('is the mean of the published ballots’ mean scores', () => {
    // Three ballots of 100, 70 and 40 (k = 3): (100 + 70 + 40) / 3 = 70.
    expect(
      cadreTrustOf([{ campaignId: 'a', publicationThreshold: 3, terms: [{ ballots: 3, ballotMeans: sumsOf([100, 70, 40]) }] }]),
    ).toEqual({
      value: 70,
      ballots: 3,
      campaignIds: ['a'],
    });
  });

  it('leaves out the cadres below k, and a campaign with none at k feeds nothing', () => {
    const below = { campaignId: 'b', publicationThreshold: 5, terms: [{ ballots: 4, ballotMeans: sumsOf([0, 0, 0, 0]) }] };
    expect(cadreTrustOf([below])).toBeNull();
    const mixed = {
      campaignId: 'm',
      publicationThreshold: 2,
      terms: [
        { ballots: 2, ballotMeans: sumsOf([100, 80]) },
        { ballots: 1, ballotMeans: sumsOf([0]) },
      ],
    };
    expect(cadreTrustOf([mixed, below])).toEqual({ value: 90, ballots: 2, campaignIds: ['m'] });
  });

  it('pools several campaigns ballot by ballot, not campaign by campaign', () => {
    // 4 ballots at 100 and 1 ballot group of 1 at 0 → 400 / 5 = 80 (a mean of campaign means would give 50).
    const big = { campaignId: 'big', publicationThreshold: 1, terms: [{ ballots: 4, ballotMeans: sumsOf([100, 100, 100, 100]) }] };
    const small = { campaignId: 'small', publicationThreshold: 1, terms: [{ ballots: 1, ballotMeans: sumsOf([0]) }] };
    expect(cadreTrustOf([big, small])).toEqual({ value: 80, ballots: 5, campaignIds: ['big', 'small'] });
  });

  it('counts ballots without a scored answer towards k but not towards the mean', () => {
    // Three ballots reached k = 3, one of them all "don't know": the mean is over the two scored ones.
    const tally = { campaignId: 'd', publicationThreshold: 3, terms: [{ ballots: 3, ballotMeans: sumsOf([100, 70]) }] };
    expect(cadreTrustOf([tally])).toEqual({ value: 85, ballots: 2, campaignIds: ['d'] });
    expect(cadreTrustOf([])).toBeNull();
  });
});
