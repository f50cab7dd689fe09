import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import { AppError } from '../../common/app-error';
import { listenersOf, type EventListener } from '../../common/domain-events';
import { periodCode } from '../../common/period';
import type { RequestContext } from '../../common/request-context';
import type { ObservationWrite } from '../harmony/observation-import';
import type { Observation } from '../harmony/observation.entity';
import { IndicatorRepository } from '../harmony/indicator.repository';
import { CampaignRepository, type PublishedTally } from './campaign.repository';
import type { EvaluationEvents } from './evaluation.events';

/** The harmony indicator that published campaigns feed. */
export const CADRE_TRUST_INDICATOR = 'CADRE_TRUST';

/** What the feed needs of the harmony module: observations written inside the publication's transaction, as any other is written. */
export interface DerivedObservations {
  writeWithin(em: EntityManager, context: RequestContext, writes: ObservationWrite[]): Promise<Observation[]>;
}

/** The key of a region and period. */
const keyOf = (regionId: string, period: string) => `${regionId}|${period}`;

/** A stored campaign period in canonical form (a campaign's period was checked when it was drafted). */
const canonical = (period: string) => periodCode(period);

/** The words of an observation's source: the campaigns by title, and the ballots the value is the mean of. */
function sourceOf(tallies: readonly PublishedTally[], trust: evaluation.CadreTrust): string {
  const titles = trust.campaignIds.map((id) => tallies.find((tally) => tally.campaignId === id)?.title ?? id);
  const text = `Evaluation campaign${titles.length > 1 ? 's' : ''}: ${titles.join('; ')} (${trust.ballots} scored ballots)`;
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

/**
 * The harmony index's CADRE_TRUST of a region and period, from its published campaigns (method CAMPAIGN,
 * shared's `cadreTrustOf`): written when a campaign is published, in the publication's transaction,
 * through harmony's own write (audit entries and the recomputation follow as after any observation).
 * A campaign none of whose cadres reached k feeds nothing. The campaigns' value supersedes an entered one
 * (kept as a revision); harmony refuses an entered value over a campaigns' one (OBSERVATION_FROM_CAMPAIGNS).
 */
export class CadreTrustFeed {
  constructor(private readonly observations: DerivedObservations) {}

  /** After `campaign.publish`: the CADRE_TRUST observation of each published campaign's region and period. */
  async feed(em: EntityManager, context: RequestContext, campaignIds: readonly string[]): Promise<void> {
    const campaigns = new CampaignRepository(em);
    for (const id of campaignIds) {
      const campaign = await campaigns.findWithRegion(id);
      if (!campaign) throw new AppError('NOT_FOUND', `No campaign ${id}`);
      const period = canonical(campaign.period);
      // Two publications of one region and period follow one another: the second pools what the first committed.
      await campaigns.lockTrustFeed(campaign.region.id, period);
      const tallies = (await campaigns.publishedTalliesIn([campaign.region.id])).filter((tally) => canonical(tally.period) === period);
      const trust = evaluation.cadreTrustOf(tallies);
      // Below k the campaign publishes no figure: the index is not fed from it (and what other campaigns fed stays as it is).
      if (!trust || !trust.campaignIds.includes(campaign.id)) continue;
      const indicator = await new IndicatorRepository(em).findByCode(CADRE_TRUST_INDICATOR);
      if (!indicator) throw new AppError('UNKNOWN_INDICATOR', `No indicator ${CADRE_TRUST_INDICATOR}`);
      await this.observations.writeWithin(em, context, [
        {
          region: campaign.region,
          period,
          indicator,
          value: trust.value,
          rawCount: null,
          rawTotal: null,
          method: 'CAMPAIGN',
          source: sourceOf(tallies, trust),
        },
      ]);
    }
  }

  /** The campaigns that feed each region and period (by `regionId|period`): the sources of CAMPAIGN observations. One statement. */
  async sourcesOf(em: EntityManager, keys: readonly { regionId: string; period: string }[]): Promise<Map<string, string[]>> {
    const tallies = await new CampaignRepository(em).publishedTalliesIn([...new Set(keys.map((key) => key.regionId))]);
    const byKey = new Map<string, PublishedTally[]>();
    for (const tally of tallies) {
      const key = keyOf(tally.regionId, canonical(tally.period));
      byKey.set(key, [...(byKey.get(key) ?? []), tally]);
    }
    return new Map(
      keys.map(({ regionId, period }) => [
        keyOf(regionId, period),
        evaluation.cadreTrustOf(byKey.get(keyOf(regionId, period)) ?? [])?.campaignIds ?? [],
      ]),
    );
  }

  /** The listener of the evaluation module's manifest. */
  listener(): EventListener {
    return listenersOf<EvaluationEvents>().batch('evaluation.cadre-trust', 'derive', ['campaign.publish'], (em, context, events) =>
      this.feed(
        em,
        context,
        events.map((event) => event.subjectId),
      ),
    );
  }
}
