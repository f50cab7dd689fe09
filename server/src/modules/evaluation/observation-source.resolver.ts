import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import { Observation } from '../harmony/observation.entity';
import type { CadreTrustFeed } from './cadre-trust-feed.service';
import { Campaign } from './campaign.entity';

/** One request's batched reads of the campaigns behind CAMPAIGN observations (by `regionId|period`): two statements per level. */
const requestLoaders = new WeakMap<EntityManager, DataLoader<string, Campaign[]>>();

function loaderOf(em: EntityManager, feed: CadreTrustFeed): DataLoader<string, Campaign[]> {
  const known = requestLoaders.get(em);
  if (known) return known;
  const loader = new DataLoader<string, Campaign[]>(async (keys) => {
    const sources = await feed.sourcesOf(
      em,
      keys.map((key) => {
        const [regionId, period] = key.split('|');
        return { regionId, period };
      }),
    );
    const ids = [...new Set([...sources.values()].flat())];
    const campaigns = new Map(
      (ids.length === 0 ? [] : await em.find(Campaign, { id: { $in: ids } }, { populate: ['region'] })).map((campaign) => [
        campaign.id,
        campaign,
      ]),
    );
    return keys.map((key) => (sources.get(key) ?? []).flatMap((id) => campaigns.get(id) ?? []));
  });
  requestLoaders.set(em, loader);
  return loader;
}

/** Adds to harmony's Observation the campaigns a CAMPAIGN value comes from (the evaluation module owns campaigns). */
@Resolver(() => Observation)
export class ObservationSourceResolver {
  constructor(private readonly feed: CadreTrustFeed) {}

  @FieldResolver(() => [Campaign], {
    description:
      'The published evaluation campaigns a CAMPAIGN value is the mass satisfaction of (those of its region and period with a cadre at or above k); empty for any other method',
  })
  @Cost(5) // reads the published tallies of the region
  sourceCampaigns(@Root() observation: Observation, @Ctx() context: RequestContext): Promise<Campaign[]> | Campaign[] {
    if (observation.method !== 'CAMPAIGN') return [];
    return loaderOf(context.em, this.feed).load(`${observation.region.id}|${observation.period}`);
  }
}
