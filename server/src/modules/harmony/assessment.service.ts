import { subject as asSubject } from '@casl/ability';
import { harmony, problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { HarmonyEvents } from './harmony.events';
import { authorize } from '../../common/operation-permission';
import { periodCode } from '../../common/period';
import type { RequestContext } from '../../common/request-context';
import { RegionRepository } from '../regions/region.repository';
import { AssessmentRepository, EVERY_PART, type AssessmentParts, type FigureSource } from './assessment.repository';
import type { AssessmentListArgs } from './dto/harmony.inputs';
import type { AssessmentView, StatisticalChecks } from './dto/harmony.outputs';
import { MethodologyRepository } from './methodology.repository';

/** Longest note of a revision: a sentence or two, as statistics agencies write them. */
const NOTE_LENGTH = 500;

/**
 * Which figures a caller is shown: a caller who may read unpublished assessments somewhere (an
 * organization or auditor, in their jurisdiction) sees the working figures there and the releases
 * elsewhere; anybody else the releases only. The ability decides, row by row, from the region's path.
 */
function figureSource(context: RequestContext): FigureSource {
  const rules = context.ability.rulesFor('read', 'Assessment');
  const readsUnpublished = rules.some((rule) => !rule.inverted && !('published' in ((rule.conditions as object | undefined) ?? {})));
  if (!readsUnpublished) return { kind: 'RELEASED' };
  return {
    kind: 'WORKING',
    working: (path) => context.ability.can('read', asSubject('Assessment', { published: false, region: { path } })),
  };
}

/**
 * Assessments: the dashboard's hot read path, served as plain rows by AssessmentRepository (two statements
 * a page, whatever its length). The caller's permissions are in the WHERE clause: the public sees
 * published figures, organizations and auditors their jurisdiction's. Publication is by period and
 * region subtree.
 */
export class AssessmentService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  /** A page of assessments; `parts`: what of each view the caller reads (by default all of it). */
  async list(
    context: RequestContext,
    page: PageArgs,
    { filter, orderBy }: AssessmentListArgs,
    parts: AssessmentParts = EVERY_PART,
  ): Promise<Connection<AssessmentView>> {
    return new AssessmentRepository(context.em).page(
      page,
      { filter, orderBy },
      (requested) => scoped(context.ability, 'read', 'Assessment', requested),
      figureSource(context),
      parts,
    );
  }

  /**
   * Publishes the active version's assessments of a period in a region's subtree: those never published,
   * and, as revisions, those whose figures changed since their release (a correction, a recomputation).
   * Until then the public keeps seeing the release. A revision needs a note saying what changed.
   */
  async publish(context: RequestContext, period: string, regionId: string, note: string | null): Promise<number> {
    const code = periodCode(period);
    const region = await new RegionRepository(context.em).findById(regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    authorize(context, 'publish', 'Assessment', { region }, 'regionId');
    const versionId = await new AssessmentRepository(context.em).activeVersionId();
    if (!versionId) throw new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    const written = note?.trim() || null;
    if (written !== null && written.length > NOTE_LENGTH) throw invalidInput({ note: `At most ${NOTE_LENGTH} characters` });
    return inTransaction(this.events, context, async (em) => {
      const rows = await new AssessmentRepository(em).release(
        { versionId, periods: [code], regionPath: region.path },
        written,
        context.actorLabel,
      );
      if (rows.length === 0) throw new AppError('NOTHING_TO_PUBLISH', `Nothing new to publish for ${code} in ${region.nameEn}`);
      const revised = rows.filter((row) => row.revision > 1);
      // The whole publication is refused (the transaction rolls back): the public never sees an unexplained revision.
      if (revised.length > 0 && written === null) throw invalidInput({ note: 'Say what the revision changed' });
      return {
        result: rows.length,
        events: [
          {
            action: 'assessment.publish',
            subjectType: 'Region',
            subjectId: region.id,
            regionPath: region.path,
            before: null,
            after: {
              period: code,
              published: rows.length,
              revision: revised.length > 0,
              revised: revised.map((row) => ({ regionId: row.region_id, from: row.previous_index, to: row.index })),
              note: written,
            },
          },
        ],
      };
    });
  }

  /**
   * Statistical checks of a period's indicators among the regions of one level (OECD/JRC Handbook,
   * COINr): skew and kurtosis, correlated pairs, coverage against the methodology's threshold.
   */
  async checks(context: RequestContext, period: string, level: string, versionId: string | null): Promise<StatisticalChecks> {
    const code = periodCode(period);
    const version = await new MethodologyRepository(context.em).findByIdOrActive(versionId);
    if (!version)
      throw versionId ? notFound('Methodology version') : new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    const where = scoped(context.ability, 'read', 'Observation', { period: code, region: { level } });
    const codes = version.settings.indicators.map((indicator) => indicator.code);
    const columns: Record<string, Map<string, number>> = Object.fromEntries(codes.map((c) => [c, new Map<string, number>()]));
    const regionIds = new Set<string>();
    if (where !== null) {
      const rows = await new AssessmentRepository(context.em).observedValues(where);
      for (const row of rows) {
        regionIds.add(row.region_id);
        columns[row.code]?.set(row.region_id, row.value);
      }
    }
    const regions = [...regionIds];
    const column = (c: string) => regions.map((id) => columns[c].get(id) ?? null);
    const threshold = version.settings.coverageThreshold ?? harmony.DEFAULT_COVERAGE_THRESHOLD;
    const indicators = codes.map((c) => {
      const values = column(c);
      const check = harmony.checkSkewKurtosis(values);
      const observed = values.filter((v) => v !== null).length;
      const coverage = regions.length > 0 ? observed / regions.length : 0;
      return {
        code: c,
        observed,
        regions: regions.length,
        coverage,
        lowCoverage: coverage < threshold,
        skewness: check.skewness,
        kurtosis: check.kurtosis,
        outliers: check.flagged,
      };
    });
    const pairs = harmony.highlyCorrelatedPairs(codes.map((c) => ({ code: c, values: column(c) })));
    return {
      period: code,
      methodologyVersion: version.version,
      indicators,
      correlatedPairs: pairs.map((pair) => ({
        first: pair.first,
        second: pair.second,
        correlation: pair.correlation,
        observations: pair.observations,
      })),
    };
  }
}
