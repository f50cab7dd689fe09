import type { EntityManager } from '@mikro-orm/postgresql';
import { problemOf } from '@massline/shared';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { scoped } from '../../common/ability-filter';
import { toCsv } from '../../common/csv';
import { changeInTransaction, type DomainEvent, type EventPublisher } from '../../common/domain-events';
import { conflictOnUnique } from '../../common/guarded-write';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { CsvUpload } from '../../common/upload';
import { UserRepository } from '../accounts/user.repository';
import { RegionRepository } from '../regions/region.repository';
import { RECOMPUTED_PERIODS } from './assessment-recomputation.listener';
import type { HarmonyEvents } from './harmony.events';
import type { ObservationFilter, ObservationListArgs, RecordObservationInput } from './dto/harmony.inputs';
import type { ObservationImportReport } from './dto/harmony.outputs';
import { observedPeriodCode } from '../../common/period';
import {
  checkImportRows,
  computeObservation,
  importPeriods,
  IMPORT_COLUMNS,
  importTable,
  isImportTable,
  MAX_IMPORT_ROWS,
  readImportRecords,
  readImportTable,
  rejected,
  type ImportTable,
  type ObservationWrite,
} from './observation-import';
import { IndicatorRepository } from './indicator.repository';
import { ObservationRepository } from './observation.repository';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';

const snapshot = (o: {
  value: number;
  rawCount?: number | null;
  rawTotal?: number | null;
  method: string;
  source?: string | null;
  revision: number;
}) => ({
  value: o.value,
  rawCount: o.rawCount ?? null,
  rawTotal: o.rawTotal ?? null,
  method: o.method,
  source: o.source ?? null,
  revision: o.revision,
});

/**
 * Observations: one current value per region, period and indicator; a correction keeps the old value
 * as a revision. Entered by form or mutation, imported from CSV (all rows or none), exported to CSV.
 * Every write recomputes the active methodology's assessments of the periods it touches, in the same
 * transaction.
 */
export class ObservationService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: ObservationListArgs): Promise<Connection<Observation>> {
    const observations = new ObservationRepository(context.em);
    const requested = await observations.requestedFilter(filter);
    return observations.page(requested && scoped(context.ability, 'read', 'Observation', requested), page, orderBy);
  }

  async revisions(context: RequestContext, observationId: string): Promise<ObservationRevision[]> {
    const observations = new ObservationRepository(context.em);
    const observation = await observations.findWithRegion(observationId);
    if (!observation) throw notFound('Observation');
    authorize(context, 'read', 'Observation', observation);
    return observations.revisionsOf(observationId);
  }

  /** One observation from the form or the API. */
  async record(context: RequestContext, input: RecordObservationInput): Promise<Observation> {
    const observations = new ObservationRepository(context.em);
    const period = observedPeriodCode(input.period);
    const region = await new RegionRepository(context.em).findById(input.regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    authorize(context, 'create', 'Observation', { region }, 'regionId');
    const indicator = await new IndicatorRepository(context.em).findByCode(input.indicatorCode);
    if (!indicator)
      throw new AppError('UNKNOWN_INDICATOR', `No indicator ${input.indicatorCode}`, {
        indicatorCode: problemOf('NO_SUCH_INDICATOR', { code: input.indicatorCode }),
      });
    const denominators = await observations.denominators([region.id], [period]);
    const computed = computeObservation(
      indicator,
      input,
      denominators.get(`${region.id}|${period}`) ?? {},
      { region, period },
      {
        value: 'value',
        count: 'rawCount',
      },
    );
    const [written] = await this.write(context, [
      {
        region,
        period,
        indicator,
        value: computed.value,
        rawCount: input.rawCount ?? null,
        rawTotal: input.rawTotal ?? null,
        method: computed.method,
        source: input.source?.trim() || null,
        expectedRevision: input.expectedRevision ?? null,
      },
    ]);
    return written;
  }

  /**
   * A CSV of observations: every row is checked first (observation-import.ts); if any is bad, nothing is
   * written and the report lists each bad row with its line and why. Otherwise all rows are written in
   * one transaction.
   */
  /** A CSV import sent as a GraphQL argument (a small file). */
  importCsv(context: RequestContext, csv: string): Promise<ObservationImportReport> {
    return this.importTable(context, readImportTable(csv));
  }

  /** A CSV import streamed to `POST /uploads/observations` (a file of any size up to the upload limit). */
  async importUpload(context: RequestContext, upload: CsvUpload): Promise<ObservationImportReport> {
    const records = await readImportRecords(upload.batches());
    return this.importTable(context, Array.isArray(records) ? importTable(records) : records);
  }

  private async importTable(context: RequestContext, table: ImportTable | ObservationImportReport): Promise<ObservationImportReport> {
    if (!isImportTable(table)) return table;
    const { rows } = table;
    const observations = new ObservationRepository(context.em);
    const regionCodes = [...new Set(rows.map((row) => table.cell(row, 'region_code')))];
    const regions = new Map((await new RegionRepository(context.em).findByCodes(regionCodes)).map((r) => [r.code, r]));
    const indicators = new Map((await new IndicatorRepository(context.em).all()).map((i) => [i.code, i]));
    const denominators = await observations.denominators(
      [...regions.values()].map((r) => r.id),
      importPeriods(table),
    );
    const { writes, problems } = checkImportRows(table, { regions, indicators, denominators, ability: context.ability });
    if (problems.length > 0) return rejected(rows.length, problems);
    const { recomputedPeriods, corrected } = await this.writeAndRecompute(context, writes, {
      action: 'observation.import',
      rows: rows.length,
    });
    return { accepted: true, rowCount: rows.length, written: writes.length, corrected, errors: [], recomputedPeriods };
  }

  /** The observations of a filter, as CSV in the import's own columns (a round trip re-imports them). */
  async exportCsv(context: RequestContext, filter: ObservationFilter | null | undefined): Promise<string> {
    const observations = new ObservationRepository(context.em);
    const requested = await observations.requestedFilter(filter);
    const where = requested === null ? null : scoped(context.ability, 'read', 'Observation', requested);
    if (where === null) return toCsv(IMPORT_COLUMNS, []);
    const rows = await observations.exportRows(where, MAX_IMPORT_ROWS);
    return toCsv(
      IMPORT_COLUMNS,
      rows.map((row) => [
        row.region_code,
        row.period,
        row.indicator_code,
        row.raw_count === null ? row.value : '',
        row.raw_count,
        row.raw_total,
        row.source,
      ]),
    );
  }

  /** Writes observations (with a revision for each corrected value) and recomputes; returns them. */
  async write(context: RequestContext, writes: ObservationWrite[]): Promise<Observation[]> {
    const written: Observation[] = [];
    await this.writeAndRecompute(context, writes, null, written);
    return written;
  }

  /**
   * Observations derived by another module inside its own change (CADRE_TRUST from published campaigns):
   * written in the caller's transaction `em`, their events published in it, so that the audit log and the
   * recomputation follow exactly as after any observation. Authorization is the caller's: this is no
   * operation of anyone's.
   */
  async writeWithin(em: EntityManager, context: RequestContext, writes: ObservationWrite[]): Promise<Observation[]> {
    const written: Observation[] = [];
    const { events } = await this.writeRows(em, context, writes, null, written).catch(conflictOnUnique(changed, UNIQUE_KEYS));
    await this.events.publish(em, context, events);
    return written;
  }

  private async writeAndRecompute(
    context: RequestContext,
    writes: ObservationWrite[],
    summary: { action: 'observation.import'; rows: number } | null,
    written: Observation[] = [],
  ): Promise<{ recomputedPeriods: string[]; corrected: number }> {
    const { result, outcomes } = await changeInTransaction(this.events, context, async (em) => {
      const { corrected, events } = await this.writeRows(em, context, writes, summary, written);
      return { result: { corrected }, events };
    }).catch(conflictOnUnique(changed, UNIQUE_KEYS));
    // The recomputation listens to these events (assessment-recomputation.listener.ts) and says which periods it did.
    return { recomputedPeriods: outcomes.get(RECOMPUTED_PERIODS) ?? [], corrected: result.corrected };
  }

  /** The writes and their events, in the transaction `em` (flushed; the events not yet published). */
  private async writeRows(
    em: EntityManager,
    context: RequestContext,
    writes: ObservationWrite[],
    summary: { action: 'observation.import'; rows: number } | null,
    written: Observation[],
  ): Promise<{ corrected: number; events: DomainEvent<HarmonyEvents>[] }> {
    const periods = [...new Set(writes.map((w) => w.period))];
    const observations = new ObservationRepository(em);
    // The guarded write: the rows to correct are locked first, so concurrent corrections of one
    // observation follow one another (each its own revision) instead of overwriting each other.
    const existing = await observations.lockCurrent([...new Set(writes.map((w) => w.region.id))], periods, [
      ...new Set(writes.map((w) => w.indicator.id)),
    ]);
    const byKey = new Map(existing.map((o) => [`${o.region.id}|${o.period}|${o.indicator.id}`, o]));
    const enteredBy = context.principal.kind === 'USER' ? await new UserRepository(em).findById(context.principal.id) : null;
    const events: DomainEvent<HarmonyEvents>[] = [];
    let corrected = 0;
    for (const w of writes) {
      const current = byKey.get(`${w.region.id}|${w.period}|${w.indicator.id}`);
      // Optimistic concurrency: the writer corrects the revision it saw, or nothing.
      if (w.expectedRevision !== null && w.expectedRevision !== undefined && current?.revision !== w.expectedRevision) throw changed();
      // A value the published campaigns fed is theirs: a campaign's value supersedes an entered one (which
      // stays as a revision, the source saying where the new one comes from), an entered one never replaces it.
      if (current?.method === 'CAMPAIGN' && w.method !== 'CAMPAIGN') throw fromCampaigns(w);
      const next = { value: w.value, rawCount: w.rawCount, rawTotal: w.rawTotal, method: w.method, source: w.source };
      const where = { subjectType: 'Observation', regionPath: w.region.path } as const;
      const about = { region: w.region.code, indicator: w.indicator.code, period: w.period };
      if (current) {
        corrected++;
        em.create(ObservationRevision, {
          observation: current,
          revision: current.revision,
          value: current.value,
          rawCount: current.rawCount ?? null,
          rawTotal: current.rawTotal ?? null,
          method: current.method,
          source: current.source ?? null,
          enteredByLabel: current.enteredBy?.email ?? null,
          enteredAt: current.enteredAt,
          replacedByLabel: context.actorLabel,
        });
        const before = snapshot(current);
        Object.assign(current, next, { revision: current.revision + 1, enteredBy, enteredAt: new Date() });
        written.push(current);
        events.push({
          action: 'observation.correct',
          ...where,
          subjectId: current.id,
          before,
          after: { ...snapshot(current), ...about },
        });
      } else {
        // A brand-new key: if another request creates it at the same time, the unique key refuses one of them.
        const created = em.create(Observation, { region: w.region, period: w.period, indicator: w.indicator, ...next, enteredBy });
        written.push(created);
        events.push({
          action: 'observation.record',
          ...where,
          subjectId: created.id,
          before: null,
          after: { ...snapshot(created), ...about },
        });
      }
    }
    await em.flush();
    if (summary) {
      // Each row has its own entry (above), at its own region: every jurisdiction reads the changes to
      // its regions. The import itself is one more, at the narrowest region that contains every row.
      events.push({
        action: summary.action,
        subjectType: 'Observation',
        subjectId: `import:${context.requestId}`.slice(0, 64),
        regionPath: commonPath(writes.map((w) => w.region.path)),
        before: null,
        after: { rows: summary.rows, written: writes.length, corrected, periods },
      });
    }
    return { corrected, events };
  }
}

const changed = () =>
  new AppError('OBSERVATION_CHANGED', 'This observation was changed meanwhile by someone else: reload it and enter your value again');

const fromCampaigns = (w: ObservationWrite) =>
  new AppError(
    'OBSERVATION_FROM_CAMPAIGNS',
    `${w.indicator.code} of ${w.region.code} for ${w.period} comes from the published evaluation campaigns: only a campaign replaces it`,
  );

/** The unique keys a concurrent writer of the same observation (or revision) runs into. */
const UNIQUE_KEYS = ['observation_region_id_period_indicator_id_unique', 'observation_revision_observation_id_revision_unique'];

/** The longest path that every path starts with, cut at a region boundary. */
export function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0];
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix || '/';
}
