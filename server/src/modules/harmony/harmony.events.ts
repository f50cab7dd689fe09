import type { harmony } from '@massline/shared';
import type { Change } from '../../common/domain-events';
import type { CreateIndicatorInput } from './dto/harmony.inputs';

/** An observation's figures as the audit log keeps them. */
export interface ObservationSnapshot {
  value: number;
  rawCount: number | null;
  rawTotal: number | null;
  method: string;
  source: string | null;
  revision: number;
}

/** Where an observation was written: what the recomputation reads. */
type ObservationWritten = ObservationSnapshot & { region: string; indicator: string; period: string };

/** The events of the harmony module, by type (each named after the audit action it leaves). */
export interface HarmonyEvents {
  'indicator.create': Change<null, CreateIndicatorInput>;
  'observation.record': Change<null, ObservationWritten>;
  'observation.correct': Change<ObservationSnapshot, ObservationWritten>;
  /** A CSV import as a whole (each of its rows is an `observation.record` or `.correct` of its own): `periods` are those of its rows. */
  'observation.import': Change<null, { rows: number; written: number; corrected: number; periods: string[] }>;
  'methodology.create': Change<
    null,
    { version: number; settings: harmony.MethodologySettings; alertRules: harmony.AlertRule[]; winsorise: boolean }
  >;
  'methodology.activate': Change<{ active: number | null }, { active: number }>;
  'methodology.recompute': Change<null, { version: number; periods: string[]; assessments: number }>;
  /**
   * A publication, first or revision: the only way the public's figures change. `revised`: the regions
   * whose published index a revision replaced (from → to), with the publisher's `note`.
   */
  'assessment.publish': Change<
    null,
    {
      period: string;
      published: number;
      revision: boolean;
      revised: { regionId: string; from: number | null; to: number | null }[];
      note: string | null;
    }
  >;
  'alert.acknowledge': Change<{ status: string }, { status: string; note?: string }>;
  'alert.resolve': Change<{ status: string }, { status: string; note?: string }>;
  'alert.undo-acknowledge': Change<{ status: string }, { status: string }>;
}

/** The events after which the active methodology's assessments are recomputed. */
export const OBSERVATION_CHANGES = ['observation.record', 'observation.correct', 'observation.import'] as const;
