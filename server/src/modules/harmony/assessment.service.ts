import { harmony } from '@massline/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import { scoped, type Filter } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import { checkPageSize, decodeCursor, emptyConnection, toConnection, type Connection, type PageArgs } from '../../common/connection';
import { inTransaction, type DomainEvents } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { sql } from '../../common/sql';
import { startsWithPattern } from '../../common/text-search';
import { Region } from '../regions/region.entity';
import { Assessment } from './assessment.entity';
import { unpackFigures } from './assessment-figures';
import type { AssessmentListArgs, AssessmentOrderField } from './dto/harmony.inputs';
import type { AssessmentView, StatisticalChecks } from './dto/harmony.outputs';
import { periodCode } from '../../common/period';
import { MethodologyVersion } from './methodology-version.entity';

interface AssessmentRow {
  period: string;
  index: number | null;
  grade: harmony.GradeCode | null;
  coverage: number;
  complete: boolean;
  method: 'DIRECT' | 'ROLLED_UP';
  rank: number | null;
  sibling_count: number | null;
  previous_index: number | null;
  figures: Buffer;
  settings: harmony.MethodologySettings;
  published: boolean;
  computed_at: string;
  methodology_version_id: string;
  version: number;
  region_id: string;
  region_code: string;
  region_name: string;
  region_name_en: string;
  region_level: AssessmentView['region']['level'];
  region_path: string;
  region_parent_id: string | null;
}

const ORDER: Record<AssessmentOrderField, string> = {
  RANK: 'a.rank',
  INDEX: 'a.index',
  REGION_CODE: 'r.code',
  PERIOD: 'a.period',
  CHANGE: '(a.index - a.previous_index)',
};

function toView(row: AssessmentRow): AssessmentView {
  const { indicators } = row.settings;
  const figures = unpackFigures(row.figures, indicators.length);
  return {
    // The key of the row (version, region, period), as one opaque id.
    id: `${row.methodology_version_id}.${row.region_id}.${row.period}`,
    region: {
      id: row.region_id,
      code: row.region_code,
      name: row.region_name,
      nameEn: row.region_name_en,
      level: row.region_level,
      path: row.region_path,
      parentId: row.region_parent_id,
    },
    period: row.period,
    index: row.index,
    grade: row.grade,
    coverage: row.coverage,
    complete: row.complete,
    method: row.method,
    rank: row.rank,
    siblingCount: row.sibling_count,
    previousIndex: row.previous_index,
    change: row.index !== null && row.previous_index !== null ? row.index - row.previous_index : null,
    scores: indicators.map((indicator, c) => ({ code: indicator.code, weight: indicator.weight, ...figures[c] })),
    // Never counted as zero: an indicator without a score is missing.
    missing: indicators.filter((_, c) => figures[c].normalizedScore === null).map((indicator) => indicator.code),
    methodologyVersionId: row.methodology_version_id,
    methodologyVersion: row.version,
    published: row.published,
    // Raw rows carry timestamps as text (MikroORM's driver setting): a Date for the schema.
    computedAt: new Date(row.computed_at),
  };
}

/**
 * Assessments: the dashboard's hot read path. Served as plain rows (QueryBuilder, no entity hydration):
 * a page costs two statements — the page and its count — whatever its length. The caller's permissions
 * are in the WHERE clause: the public sees published figures, organizations and auditors their
 * jurisdiction's. Publication is by period and region subtree.
 */
export class AssessmentService {
  constructor(private readonly events: DomainEvents) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: AssessmentListArgs): Promise<Connection<AssessmentView>> {
    checkPageSize(page.first);
    const offset = decodeCursor(page.after);
    const { em } = context;
    const requested: Filter = {};
    // The active version is a condition of the same query, not a query of its own.
    requested.methodologyVersion = filter?.methodologyVersionId ?? { active: true };
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.parentId) requested.region = { parent: filter.parentId };
    if (filter?.regionId) requested.region = { ...((requested.region as Filter) ?? {}), id: filter.regionId };
    if (filter?.grade) requested.grade = filter.grade;
    if (typeof filter?.published === 'boolean') requested.published = filter.published;
    const where = scoped(context.ability, 'read', 'Assessment', requested);
    if (where === null) return emptyConnection();

    const field = orderBy?.field ?? (filter?.regionId ? 'PERIOD' : 'RANK');
    const direction = (
      orderBy?.direction ?? (field === 'PERIOD' ? 'ASC' : field === 'INDEX' || field === 'CHANGE' ? 'DESC' : 'ASC')
    ).toLowerCase();
    const base = () => em.createQueryBuilder(Assessment, 'a').join('a.region', 'r').join('a.methodologyVersion', 'v').where(where);
    const rowsQuery = base()
      .select([
        'a.period',
        'a.index',
        'a.grade',
        'a.coverage',
        'a.complete',
        'a.method',
        'a.rank',
        'a.sibling_count',
        'a.previous_index',
        'a.figures',
        'a.published',
        'a.computed_at',
        'a.methodology_version_id',
      ])
      .addSelect([
        'v.version',
        'v.settings',
        'r.id as region_id',
        'r.code as region_code',
        'r.name as region_name',
        'r.name_en as region_name_en',
        'r.level as region_level',
        'r.path as region_path',
        'r.parent_id as region_parent_id',
      ])
      .orderBy({
        [ORDER[field]]: `${direction} nulls last`,
        ...(field === 'REGION_CODE' ? {} : { 'r.code': 'asc' }),
        ...(field === 'PERIOD' ? {} : { 'a.period': 'asc' }),
      })
      .limit(page.first + 1)
      .offset(offset);
    const [rows, total] = await Promise.all([
      rowsQuery.execute<AssessmentRow[]>('all', false),
      base().count('a.region').execute<{ count: string }>('get', false),
    ]);
    return toConnection(rows.map(toView), offset, page.first, Number(total.count));
  }

  private async activeVersionId(em: EntityManager): Promise<string | null> {
    const [row] = await sql<{ id: string }>(em, 'select id from methodology_version where active');
    return row?.id ?? null;
  }

  /** Publishes the active version's assessments of a period in a region's subtree. */
  async publish(context: RequestContext, period: string, regionId: string): Promise<number> {
    const code = periodCode(period);
    const region = await context.em.findOne(Region, { id: regionId });
    if (!region) throw invalidInput({ regionId: 'No such region' });
    authorize(context, 'publish', 'Assessment', { region }, 'regionId');
    const versionId = await this.activeVersionId(context.em);
    if (!versionId) throw new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    return inTransaction(this.events, context, async (em) => {
      const rows = await sql<{ region_id: string }>(
        em,
        `update assessment a set published = true from region r
          where r.id = a.region_id and a.methodology_version_id = ? and a.period = ? and r.path like ? and not a.published
          returning a.region_id`,
        [versionId, code, startsWithPattern(region.path)],
      );
      if (rows.length === 0) throw new AppError('NOTHING_TO_PUBLISH', `No unpublished assessment for ${code} in ${region.nameEn}`);
      return {
        result: rows.length,
        events: [
          {
            action: 'assessment.publish',
            subjectType: 'Region',
            subjectId: region.id,
            regionPath: region.path,
            before: null,
            after: { period: code, published: rows.length },
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
    const version = await context.em.findOne(MethodologyVersion, versionId ? { id: versionId } : { active: true });
    if (!version)
      throw versionId ? notFound('Methodology version') : new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    const where = scoped(context.ability, 'read', 'Observation', { period: code, region: { level } });
    const codes = version.settings.indicators.map((indicator) => indicator.code);
    const columns: Record<string, Map<string, number>> = Object.fromEntries(codes.map((c) => [c, new Map<string, number>()]));
    const regionIds = new Set<string>();
    if (where !== null) {
      const rows = await context.em
        .createQueryBuilder('Observation', 'o')
        .select(['o.value', 'o.region_id'])
        .addSelect(['i.code as code'])
        .join('o.region', 'r')
        .join('o.indicator', 'i')
        .where(where)
        .execute<{ value: number; region_id: string; code: string }[]>('all', false);
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
