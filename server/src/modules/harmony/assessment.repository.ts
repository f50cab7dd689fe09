import { harmony } from '@massline/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { raw } from '@mikro-orm/core';
import { countWithEdge, emptyConnection, keysetPage, pageRequest, type Connection, type PageArgs } from '../../common/connection';
import { orderFor, sortKey, type SortOrder } from '../../common/list-order';
import type { SortKey } from '../../common/keyset';
import { sql } from '../../common/sql';
import { startsWithPattern } from '../../common/text-search';
import { Assessment } from './assessment.entity';
import { unpackFigures } from './assessment-figures';
import type { AssessmentFilter, AssessmentOrder, AssessmentOrderField } from './dto/harmony.inputs';
import type { AssessmentView } from './dto/harmony.outputs';
import { periodCode } from '../../common/period';

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

const regionCode = (direction: SortOrder) => sortKey<AssessmentView>('r.code', direction, 'string', (view) => view.region.code);
const period = (direction: SortOrder) => sortKey<AssessmentView>('a.period', direction, 'string', (view) => view.period);

/** The keys of each order (a query builder's columns); regions without a figure sort last, then by region code and period. */
const ORDER_KEYS: Record<AssessmentOrderField, (direction: SortOrder) => SortKey<AssessmentView>[]> = {
  RANK: (direction) => [sortKey('a.rank', direction, 'number', (view) => view.rank, { nulls: 'last' }), regionCode('asc'), period('asc')],
  INDEX: (direction) => [
    sortKey('a.index', direction, 'number', (view) => view.index, { nulls: 'last' }),
    regionCode('asc'),
    period('asc'),
  ],
  REGION_CODE: (direction) => [regionCode(direction), period('asc')],
  PERIOD: (direction) => [period(direction), regionCode('asc')],
  CHANGE: (direction) => [
    sortKey('(a.index - a.previous_index)', direction, 'number', (view) => view.change, { nulls: 'last', expression: true }),
    regionCode('asc'),
    period('asc'),
  ],
};

/** The last key: the version (one per list, by its filter), so that the key of the row — version, region, period — is complete. */
const byVersion = (direction: SortOrder) =>
  sortKey<AssessmentView>('a.methodology_version_id', direction, 'uuid', (view) => view.methodologyVersionId);

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
 * The query side of assessments, the dashboard's hot read path: plain rows (QueryBuilder, no entity
 * hydration), a page in two statements — the page and its count — whatever its length.
 */
export class AssessmentRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for; the active version is a condition of the same query, not a query of its own. */
  requestedFilter(filter: AssessmentFilter | null | undefined): Filter {
    const requested: Filter = {};
    requested.methodologyVersion = filter?.methodologyVersionId ?? { active: true };
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.parentId) requested.region = { parent: filter.parentId };
    if (filter?.regionId) requested.region = { ...((requested.region as Filter) ?? {}), id: filter.regionId };
    if (filter?.grade) requested.grade = filter.grade;
    if (typeof filter?.published === 'boolean') requested.published = filter.published;
    return requested;
  }

  /**
   * A page of the assessments a caller asked for, as views; `scope` adds what the caller may see (null:
   * nothing). By default a region's trend is in period order, a list of regions in rank order; regions
   * without a figure sort last.
   */
  async page(
    page: PageArgs,
    { filter, orderBy }: { filter?: AssessmentFilter | null; orderBy?: AssessmentOrder | null },
    scope: (requested: Filter) => Filter | null,
  ): Promise<Connection<AssessmentView>> {
    const order = orderFor(
      'assessments',
      orderBy,
      { field: filter?.regionId ? 'PERIOD' : 'RANK', direction: 'ASC' },
      ORDER_KEYS,
      byVersion,
    );
    const request = pageRequest(page, order);
    const where = scope(this.requestedFilter(filter));
    if (where === null) return emptyConnection();
    const base = () => this.em.createQueryBuilder(Assessment, 'a').join('a.region', 'r').join('a.methodologyVersion', 'v').where(where);
    const rowsQuery = (seek: Filter, orderBy: Filter[], limit: number) =>
      base()
        .andWhere(seek)
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
        .orderBy(orderBy)
        .limit(limit);
    return keysetPage(request, {
      aliased: true,
      rows: async (seek, orderBy, limit) => (await rowsQuery(seek, orderBy, limit).execute<AssessmentRow[]>('all', false)).map(toView),
      count: (edge) => countWithEdge(this.em, base().count('a.region'), edge ? base().select(raw('1')).andWhere(edge).limit(1) : null),
    });
  }

  /** The id of the active methodology version, if any. */
  async activeVersionId(): Promise<string | null> {
    const [row] = await sql<{ id: string }>(this.em, 'select id from methodology_version where active');
    return row?.id ?? null;
  }

  /** Publishes a version's unpublished assessments of a period in a region's subtree; returns their regions. */
  async publish(versionId: string, period: string, regionPath: string): Promise<string[]> {
    const rows = await sql<{ region_id: string }>(
      this.em,
      `update assessment a set published = true from region r
        where r.id = a.region_id and a.methodology_version_id = ? and a.period = ? and r.path like ? and not a.published
        returning a.region_id`,
      [versionId, period, startsWithPattern(regionPath)],
    );
    return rows.map((row) => row.region_id);
  }

  /** The observed values of a filter (already scoped), as plain rows: value, region, indicator code. */
  observedValues(where: Filter): Promise<{ value: number; region_id: string; code: string }[]> {
    return this.em
      .createQueryBuilder('Observation', 'o')
      .select(['o.value', 'o.region_id'])
      .addSelect(['i.code as code'])
      .join('o.region', 'r')
      .join('o.indicator', 'i')
      .where(where)
      .execute<{ value: number; region_id: string; code: string }[]>('all', false);
  }
}
