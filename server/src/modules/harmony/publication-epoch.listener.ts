import type { EventListener } from '../../common/domain-events';
import { listenersOf } from '../../common/domain-events';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import type { AccountsEvents } from '../accounts/accounts.events';
import type { RegionsEvents } from '../regions/regions.events';
import { RECOMPUTED_PERIODS } from './assessment-recomputation.listener';
import type { HarmonyEvents } from './harmony.events';

/** Every event the publication epoch follows, whichever module publishes it. */
type PublicEvents = HarmonyEvents & RegionsEvents & AccountsEvents;

/**
 * The events that change what an anonymous caller or an API token can read: the published figures, and
 * the public records around them (regions and their statistics, organizations, the indicator catalogue,
 * methodology versions). Each moves the publication epoch in its own transaction, which is what the
 * public response cache and the ETags are keyed by; nothing else does. An event that changes only
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

/**
 * Today a correction, an import or a recomputation rewrites published assessments in place, so the
 * public figure changes without a publication: the epoch moves when the periods recomputed hold a
 * published assessment. Once publication is the only way a public figure changes, this listener (and its
 * line in the manifest's list) goes.
 */
const recomputedPublishedFigures: EventListener = {
  name: 'harmony.publication-epoch.recomputed',
  phase: 'react',
  actions: ['observation.record', 'observation.correct', 'observation.import', 'methodology.recompute'],
  handle: async (em, _context, events, outcomes) => {
    const periods = new Set(outcomes.get(RECOMPUTED_PERIODS) ?? []);
    for (const event of events) {
      if (event.action === 'methodology.recompute')
        for (const period of (event.after as { periods: string[] }).periods) periods.add(period);
    }
    await new PublicationEpochRepository(em).bumpIfPublishedIn([...periods]);
  },
};

/** The harmony module's epoch listeners, for its manifest. */
export const publicationEpochListeners: readonly EventListener[] = [publicChanges, recomputedPublishedFigures];
