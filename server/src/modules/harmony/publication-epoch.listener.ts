import type { EventListener } from '../../common/domain-events';
import { listenersOf } from '../../common/domain-events';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import type { AccountsEvents } from '../accounts/accounts.events';
import type { RegionsEvents } from '../regions/regions.events';
import type { HarmonyEvents } from './harmony.events';

/** Every event the publication epoch follows, whichever module publishes it. */
type PublicEvents = HarmonyEvents & RegionsEvents & AccountsEvents;

/**
 * The events that change what an anonymous caller or an API token can read: the published figures, and
 * the public records around them (regions and their statistics, organizations, the indicator catalogue,
 * methodology versions). A correction or a recomputation changes only the working figures: the public
 * keeps the release until the organization publishes (`assessment.publish`), or activates another
 * methodology (`methodology.activate`, which releases the new version's figures for what was published).
 * Each moves the publication epoch in its own transaction, which is what the public response cache and
 * the ETags are keyed by; nothing else does. An event that changes only
 * private data (alerts, users, tokens, unpublished assessments) must not be listed: it would empty every
 * public cache for nothing.
 */
export const PUBLIC_FIGURE_CHANGES = [
  'assessment.publish',
  'methodology.create',
  'methodology.activate',
  'indicator.create',
  'region.create',
  'region.statistics.set',
  'organization.create',
  'organization.deactivate',
  'organization.reactivate',
] as const satisfies readonly (keyof PublicEvents)[];

/** Moves the epoch once per transaction that made a public change, however many it made. */
const publicChanges = listenersOf<PublicEvents>().batch('harmony.publication-epoch', 'react', PUBLIC_FIGURE_CHANGES, async (em) =>
  new PublicationEpochRepository(em).bump(),
);

/** The harmony module's epoch listeners, for its manifest. */
export const publicationEpochListeners: readonly EventListener[] = [publicChanges];
