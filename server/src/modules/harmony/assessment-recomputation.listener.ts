import { listenersOf, Outcome } from '../../common/domain-events';
import { loadVersion, periodsAffectedBy, recomputeAssessments } from './assessment-store';
import { OBSERVATION_CHANGES, type HarmonyEvents } from './harmony.events';

/** The periods a change's recomputation did (none without an active methodology), for the import report. */
export const RECOMPUTED_PERIODS = new Outcome<string[]>('harmony.recomputed-periods');

/**
 * After observations change, the active methodology's assessments of their periods (and of the periods
 * whose change depends on them) are recomputed in the same transaction: once per change, however many
 * rows it wrote.
 */
export const assessmentRecomputation = listenersOf<HarmonyEvents>().batch(
  'harmony.recompute-assessments',
  'derive',
  OBSERVATION_CHANGES,
  async (em, _context, events) => {
    const periods = [
      ...new Set(events.flatMap((event) => (event.action === 'observation.import' ? event.after.periods : [event.after.period]))),
    ];
    const version = await loadVersion(em, null);
    if (!version) return [];
    const recomputed = await periodsAffectedBy(em, periods);
    await recomputeAssessments(em, version, recomputed);
    return recomputed;
  },
  RECOMPUTED_PERIODS,
);
