import { harmony } from '@massline/shared';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { countWithEdge, emptyConnection, keysetPage, pageRequest, type Connection, type PageArgs } from '../../common/connection';
import { orderFor, sortKey, type SortOrder } from '../../common/list-order';
import type { SortKey } from '../../common/keyset';
import { sql } from '../../common/sql';
import { executeText, StatementCache } from '../../common/statement-cache';
import { startsWithPattern } from '../../common/text-search';
import { Assessment } from './assessment.entity';
import { unpackFigures } from './assessment-figures';
import type { AssessmentFilter, AssessmentOrder, AssessmentOrderField } from './dto/harmony.inputs';
import type { AssessmentView } from './dto/harmony.outputs';
import { periodCode } from '../../common/period';

/** The figures a release freezes, named alike in `assessment` and `assessment_release`. */
const FIGURE_COLUMNS = ['index', 'grade', 'coverage', 'complete', 'method', 'rank', 'sibling_count', 'previous_index', 'figures'] as const;
const figuresOf = (alias: string) => FIGURE_COLUMNS.map((column) => `${alias}.${column}`).join(', ');
/** The working figures (a) have moved on from the release the public sees (p): a revision is pending. */
const MOVED_ON = `(${figuresOf('p')}) is distinct from (${figuresOf('a')})`;

interface Figures {
  index: number | null;
  grade: harmony.GradeCode | null;
  coverage: number;
  complete: boolean;
  method: 'DIRECT' | 'ROLLED_UP';
  rank: number | null;
  sibling_count: number | null;
  previous_index: number | null;
  figures: Buffer;
}

type ReleasedFigures = { [Column in keyof Figures as `release_${Column}`]: Figures[Column] | null };

interface AssessmentRow extends Figures, ReleasedFigures {
  period: string;
  /** The version's settings as JSON text (parsed once per text: settingsOf). */
  settings: string;
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
  release_revision: number | null;
  release_published_at: string | null;
  release_published_by: string | null;
  release_note: string | null;
  previous_release_index: number | null;
  previous_release_grade: harmony.GradeCode | null;
  previous_release_published_at: string | null;
  pending_revision: boolean;
}

/**
 * Which figures a list shows: RELEASED, the published ones only (the public: nothing else is theirs to
 * see, and they are filtered and sorted by them too); or WORKING, the current figures where `working`
 * says the caller may read them (their jurisdiction) and the released ones elsewhere.
 */
export type FigureSource = { kind: 'RELEASED' } | { kind: 'WORKING'; working: (regionPath: string) => boolean };

/**
 * The parts of a view a list may leave unread. Always read: the row's key (id, methodologyVersionId),
 * the region's id, code and English name, the figures shown but those of `figureDetails` (index, grade,
 * rank, change, scores, missing — what the public dashboard shows, and every order's cursor), and the
 * release's revision, index, grade and rank. A part not asked for is not read: its columns come as nulls
 * (its fields are not in the selection, so nothing shows them) and, without `previousRelease`, the
 * release before is not joined. The public's dashboard reads ~8 of the ~30 columns a whole view takes.
 */
export interface AssessmentParts {
  /** region.name, level, path, parentId. */
  regionDetails: boolean;
  /** coverage, complete, method, siblingCount. */
  figureDetails: boolean;
  /** release.publishedAt, publishedBy, note. */
  releaseDetails: boolean;
  previousRelease: boolean;
  published: boolean;
  computedAt: boolean;
  methodologyVersion: boolean;
}

export const EVERY_PART: AssessmentParts = {
  regionDetails: true,
  figureDetails: true,
  releaseDetails: true,
  previousRelease: true,
  published: true,
  computedAt: true,
  methodologyVersion: true,
};

/** The parts a selection reads: the fields of its rows (`node`), of their region and of their release. */
export function partsSelected(node: ReadonlySet<string>, region: ReadonlySet<string>, release: ReadonlySet<string>): AssessmentParts {
  const any = (fields: ReadonlySet<string>, names: readonly string[]) => names.some((name) => fields.has(name));
  return {
    regionDetails: any(region, ['name', 'level', 'path', 'parentId']),
    figureDetails: any(node, ['coverage', 'complete', 'method', 'siblingCount']),
    releaseDetails: any(release, ['publishedAt', 'publishedBy', 'note']),
    previousRelease: node.has('previousRelease'),
    published: node.has('published'),
    computedAt: node.has('computedAt'),
    methodologyVersion: node.has('methodologyVersion'),
  };
}

/** The figure columns of `figureDetails`. */
const FIGURE_DETAILS: readonly string[] = ['coverage', 'complete', 'method', 'sibling_count'];

const regionCode = (direction: SortOrder) => sortKey<AssessmentView>('r.code', direction, 'string', (view) => view.region.code);
const period = (direction: SortOrder) => sortKey<AssessmentView>('a.period', direction, 'string', (view) => view.period);

/**
 * The keys of each order on the figures of `alias` (a: working, p: released — the release is joined by
 * its key, so its columns are raw expressions to the query builder); regions without a figure sort
 * last, then by region code and period.
 */
function orderKeys(alias: 'a' | 'p'): Record<AssessmentOrderField, (direction: SortOrder) => SortKey<AssessmentView>[]> {
  const figure = (column: string, value: (view: AssessmentView) => number | null) => (direction: SortOrder) =>
    sortKey<AssessmentView>(column, direction, 'number', value, { nulls: 'last', ...(alias === 'p' ? { expression: true } : {}) });
  const rank = figure(`${alias}.rank`, (view) => view.rank);
  const index = figure(`${alias}.index`, (view) => view.index);
  const change = (direction: SortOrder) =>
    // The change as shown (rounded as the index is, from the stored one-decimal figures in decimal
    // arithmetic), so that a cursor's value compares with the column exactly.
    sortKey<AssessmentView>(
      `round(${alias}.index::numeric - ${alias}.previous_index::numeric, 1)`,
      direction,
      'number',
      (view) => view.change,
      {
        nulls: 'last',
        expression: true,
      },
    );
  return {
    RANK: (direction) => [rank(direction), regionCode('asc'), period('asc')],
    INDEX: (direction) => [index(direction), regionCode('asc'), period('asc')],
    REGION_CODE: (direction) => [regionCode(direction), period('asc')],
    PERIOD: (direction) => [period(direction), regionCode('asc')],
    CHANGE: (direction) => [change(direction), regionCode('asc'), period('asc')],
  };
}
const ORDER_KEYS = { a: orderKeys('a'), p: orderKeys('p') };

/** The lists' built statements, by their inputs (common/statement-cache.ts): a process keeps 500 at most, ~2 MB. */
const STATEMENTS = new StatementCache(500);

/** The last key: the version (one per list, by its filter), so that the key of the row — version, region, period — is complete. */
const byVersion = (direction: SortOrder) =>
  sortKey<AssessmentView>('a.methodology_version_id', direction, 'uuid', (view) => view.methodologyVersionId);

/**
 * A version's settings, parsed once per text: every row of a page carries its version's (one or two
 * versions a page), and parsing them row by row cost the dashboard about 5 % of its CPU. Keyed by the
 * text itself, so a changed text is parsed afresh; the parsed settings are shared, read only. A few
 * versions are current at once: the oldest text makes room past 32.
 */
const PARSED_SETTINGS = new Map<string, harmony.MethodologySettings>();
function settingsOf(text: string): harmony.MethodologySettings {
  let settings = PARSED_SETTINGS.get(text);
  if (settings === undefined) {
    settings = JSON.parse(text) as harmony.MethodologySettings;
    if (PARSED_SETTINGS.size >= 32) PARSED_SETTINGS.delete(PARSED_SETTINGS.keys().next().value!);
    PARSED_SETTINGS.set(text, settings);
  }
  return settings;
}

/** Whether a value holds anything but plain data (a raw fragment, under a symbol or as an object of its own). */
function holdsRaw(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsRaw);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || Object.getOwnPropertySymbols(value).length > 0) return true;
  return Object.values(value).some(holdsRaw);
}

/**
 * Whether a filter names `key` anywhere (under `$and`, `$or`, `$not` too). A raw fragment — a key that is
 * not a property or an operator, or a value that is not plain data, anywhere — may name anything: it
 * counts as naming it.
 */
function mentions(filter: unknown, key: string): boolean {
  return holdsRaw(filter) || names(filter, key);
}

/** Whether plain filter data names `key`, or holds a key that is not a property or an operator. */
function names(filter: unknown, key: string): boolean {
  if (filter === null || typeof filter !== 'object') return false;
  if (Array.isArray(filter)) return filter.some((entry) => names(entry, key));
  return Object.entries(filter).some(
    ([name, value]) => name === key || !/^\$?\w+$/.test(name) || (name.startsWith('$') && names(value, key)),
  );
}

const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

function toView(row: AssessmentRow, source: FigureSource): AssessmentView {
  const { indicators } = settingsOf(row.settings);
  const working = source.kind === 'WORKING' && source.working(row.region_path);
  // What the caller is shown: the working figures where they are theirs, else the release the public sees.
  // (The public's rows carry the release's figures once, as release_*: they are the figures shown.)
  const shown: Figures =
    source.kind === 'WORKING' && (working || row.release_revision === null)
      ? row
      : {
          index: row.release_index,
          grade: row.release_grade,
          coverage: row.release_coverage!,
          complete: row.release_complete!,
          method: row.release_method!,
          rank: row.release_rank,
          sibling_count: row.release_sibling_count,
          previous_index: row.release_previous_index,
          figures: row.release_figures!,
        };
  const figures = unpackFigures(shown.figures, indicators.length);
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
    index: shown.index,
    grade: shown.grade,
    coverage: shown.coverage,
    complete: shown.complete,
    method: shown.method,
    rank: shown.rank,
    siblingCount: shown.sibling_count,
    previousIndex: shown.previous_index,
    // Between two figures as shown, so as shown too: 65.4 → 56.9 is −8.5, not −8.500000000000007.
    change: shown.index !== null && shown.previous_index !== null ? harmony.roundIndex(shown.index - shown.previous_index) : null,
    scores: indicators.map((indicator, c) => ({ code: indicator.code, weight: indicator.weight, ...figures[c] })),
    // Never counted as zero: an indicator without a score is missing.
    missing: indicators.filter((_, c) => figures[c].normalizedScore === null).map((indicator) => indicator.code),
    methodologyVersionId: row.methodology_version_id,
    methodologyVersion: row.version,
    published: row.published,
    release:
      row.release_revision === null
        ? null
        : {
            revision: row.release_revision,
            index: row.release_index,
            grade: row.release_grade,
            rank: row.release_rank,
            publishedAt: new Date(row.release_published_at!),
            // Who published is the organization's business, not the public's.
            publishedBy: working ? row.release_published_by : null,
            note: row.release_note,
          },
    previousRelease:
      row.previous_release_published_at === null
        ? null
        : {
            index: row.previous_release_index,
            grade: row.previous_release_grade,
            publishedAt: dateOrNull(row.previous_release_published_at)!,
          },
    pendingRevision: working && row.pending_revision,
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
   * nothing), `source` which figures they are shown. By default a region's trend is in period order, a
   * list of regions in rank order; regions without a figure sort last. The release the public sees (p)
   * and the one before it (q) come by joins on their unique key, in the same statement.
   */
  async page(
    page: PageArgs,
    { filter, orderBy }: { filter?: AssessmentFilter | null; orderBy?: AssessmentOrder | null },
    scope: (requested: Filter) => Filter | null,
    source: FigureSource,
    parts: AssessmentParts = EVERY_PART,
  ): Promise<Connection<AssessmentView>> {
    const released = source.kind === 'RELEASED';
    const order = orderFor(
      'assessments',
      orderBy,
      { field: filter?.regionId ? 'PERIOD' : 'RANK', direction: 'ASC' },
      ORDER_KEYS[released ? 'p' : 'a'],
      byVersion,
    );
    const request = pageRequest(page, order);
    const requested = this.requestedFilter(filter);
    // The public chooses by the grade it is shown, the released one.
    if (released) delete requested.grade;
    const where = scope(requested);
    if (where === null) return emptyConnection();
    const knex = this.em.getKnex();
    const sameKey = (alias: 'p' | 'q') =>
      function (this: Knex.JoinClause) {
        this.on(`${alias}.methodology_version_id`, 'a.methodology_version_id')
          .andOn(`${alias}.period`, 'a.period')
          .andOn(`${alias}.region_id`, 'a.region_id');
        // The release shown by a plain column equality: PostgreSQL estimates it from its statistics (an
        // expression it would guess at 0.5 %, and then sort a whole period rather than walk it in rank order).
        if (alias === 'p') this.andOn('p.revision', 'a.released_revision');
        else this.andOn(knex.raw('q.revision = a.released_revision - 1'));
      };
    /**
     * The list's statement with more conditions (a keyset position), its release joined when it is read.
     * The region is joined when something reads it: the page (its order), a keyset position, or a filter
     * on it. A whole list's count has none of these (the public dashboard's): without the join it counts
     * the period's index entries alone, half the work of its count.
     */
    const statement = (conditions: Filter, withRelease: boolean, shape?: { orderBy: Filter[]; limit: number }) => {
      const builder = this.em.createQueryBuilder(Assessment, 'a');
      if (shape || Object.keys(conditions).length > 0 || mentions(where, 'region')) builder.join('a.region', 'r');
      builder.join('a.methodologyVersion', 'v').where(where).andWhere(conditions);
      if (shape) builder.orderBy(shape.orderBy).limit(shape.limit);
      const query = builder.getKnexQuery().clearSelect();
      // The public's rows are released ones, each with its release: an inner join, which lets PostgreSQL
      // start from the releases in rank order (assessment_release_rank_order) and stop after the page;
      // the active version, named as a value of the release, lets it use that index (there is one).
      if (withRelease && released) {
        query.join('assessment_release as p', sameKey('p'));
        if (!filter?.methodologyVersionId)
          query.andWhereRaw('p.methodology_version_id = (select id from methodology_version where active)');
      } else if (withRelease) query.leftJoin('assessment_release as p', sameKey('p'));
      if (released && filter?.grade) query.andWhere('p.grade', filter.grade);
      return query;
    };
    const figures = (alias: 'a' | 'p') => FIGURE_COLUMNS.map((column) => `${alias}.${column}`);
    // The page is chosen on narrow rows — the key and the order's values, the public's by its release's
    // rank, which an index holds (assessment_release_rank: an index-only scan) — and only the rows chosen
    // are read whole: sorting a period's every row with its figures and release cost the dashboard three
    // times the statement of a hand-written server. The keys are the order's, in the same sequence.
    /** A column as `alias`, or a null in its place when the selection does not read it. */
    const read = (needed: boolean, column: string, alias: string) => (needed ? `${column} as ${alias}` : knex.raw('null as ??', [alias]));
    const rowsQuery = (seek: Filter, orderBy: Filter[], limit: number) => {
      const rows = knex
        .from(
          statement(seek, released, { orderBy, limit })
            .select([
              'a.methodology_version_id',
              'a.period',
              'a.region_id',
              ...request.order.keys.map((k, i) => knex.raw(`${k.path} as k${i}`)),
            ])
            .as('chosen'),
        )
        .join('assessment as a', function (this: Knex.JoinClause) {
          this.on('a.methodology_version_id', 'chosen.methodology_version_id')
            .andOn('a.period', 'chosen.period')
            .andOn('a.region_id', 'chosen.region_id');
        })
        .join('region as r', 'r.id', 'a.region_id')
        .join('methodology_version as v', 'v.id', 'a.methodology_version_id')
        .leftJoin('assessment_release as p', sameKey('p'))
        .orderByRaw(orderBy.map((entry, i) => `chosen.k${i} ${String(Object.values(entry)[0])}`).join(', '))
        .select([
          ...(released ? [] : figures('a')),
          // The working figures' details are the caller's when the release's are not: read whole.
          ...FIGURE_COLUMNS.map((column) =>
            read(!released || parts.figureDetails || !FIGURE_DETAILS.includes(column), `p.${column}`, `release_${column}`),
          ),
          'a.period',
          read(parts.published, 'a.published', 'published'),
          read(parts.computedAt, 'a.computed_at', 'computed_at'),
          'a.methodology_version_id',
          read(parts.methodologyVersion, 'v.version', 'version'),
          knex.raw('v.settings::text as settings'),
          'r.id as region_id',
          'r.code as region_code',
          read(parts.regionDetails, 'r.name', 'region_name'),
          'r.name_en as region_name_en',
          read(parts.regionDetails, 'r.level', 'region_level'),
          // The caller's jurisdiction is decided by the path (FigureSource.working).
          read(parts.regionDetails || !released, 'r.path', 'region_path'),
          read(parts.regionDetails, 'r.parent_id', 'region_parent_id'),
          'p.revision as release_revision',
          read(parts.releaseDetails, 'p.published_at', 'release_published_at'),
          read(parts.releaseDetails, 'p.published_by', 'release_published_by'),
          read(parts.releaseDetails, 'p.note', 'release_note'),
          read(parts.previousRelease, 'q.index', 'previous_release_index'),
          read(parts.previousRelease, 'q.grade', 'previous_release_grade'),
          read(parts.previousRelease, 'q.published_at', 'previous_release_published_at'),
          knex.raw(released ? 'false as pending_revision' : `(p.revision is not null and ${MOVED_ON}) as pending_revision`),
        ]);
      return parts.previousRelease ? rows.leftJoin('assessment_release as q', sameKey('q')) : rows;
    };
    // The public's keys (and grade filter) are on the release: its counts join it too.
    const counting = (conditions: Filter | null, joinRelease: boolean) => ({
      getKnexQuery: () => statement(conditions ?? {}, joinRelease),
    });
    // Everything the two statements are built from (the seek, order and limit follow from the page and
    // order asked for), taken before the query builder sees the filter.
    const inputs = {
      released,
      where,
      filter: filter ? { ...filter } : null,
      orderBy: orderBy ? { ...orderBy } : null,
      page: { ...page },
    };
    const rowsKey = StatementCache.keyOf({ ...inputs, parts: { ...parts }, statement: 'rows' });
    const countKey = StatementCache.keyOf({ ...inputs, statement: 'count' });
    return keysetPage(request, {
      aliased: true,
      rows: async (seek, orderBy, limit) => {
        const statement = STATEMENTS.statement(this.em, rowsKey, () => rowsQuery(seek, orderBy, limit));
        return (await executeText<AssessmentRow>(this.em, statement)).map((row) => toView(row, source));
      },
      count: (edge) => {
        const total = counting(null, released && Boolean(filter?.grade));
        const beyond = edge && counting(edge, released);
        return countWithEdge(
          this.em,
          { getKnexQuery: () => total.getKnexQuery().count('a.region_id') },
          beyond ? { getKnexQuery: () => beyond.getKnexQuery().select(knex.raw('1')).limit(1) } : null,
          { statements: STATEMENTS, key: countKey },
        );
      },
    });
  }

  /** The id of the active methodology version, if any. */
  async activeVersionId(): Promise<string | null> {
    const [row] = await sql<{ id: string }>(this.em, 'select id from methodology_version where active');
    return row?.id ?? null;
  }

  /**
   * Releases a version's assessments of some periods in a region's subtree: those never published and
   * those whose figures moved on from their release, each as its next revision (1 for a first
   * publication). The update takes the rows' locks, so a concurrent publisher waits and then finds
   * nothing left to release; the unique (key, revision) is the last guard. `publishedUnder`: only the
   * regions and periods published under that other version (a change of methodology). Returns what it
   * released.
   */
  async release(
    where: { versionId: string; periods: readonly string[]; regionPath: string; publishedUnder?: string },
    note: string | null,
    publishedBy: string | null,
  ): Promise<{ region_id: string; period: string; revision: number; index: number | null; previous_index: number | null }[]> {
    const carried = where.publishedUnder
      ? `and exists (select 1 from assessment o where o.methodology_version_id = ? and o.period = a.period and o.region_id = a.region_id and o.published)`
      : '';
    const columns = FIGURE_COLUMNS.join(', ');
    return sql(
      this.em,
      `with released as (
         update assessment a set published = true, released_revision = coalesce(a.released_revision, 0) + 1
           from region r
          where r.id = a.region_id and a.methodology_version_id = ? and a.period = any(?) and r.path like ? ${carried}
            and (a.released_revision is null or exists (
                  select 1 from assessment_release p
                   where p.methodology_version_id = a.methodology_version_id and p.period = a.period and p.region_id = a.region_id
                     and p.revision = a.released_revision and ${MOVED_ON}))
         returning a.*),
       previous as (
         select p.region_id, p.period, p.index from assessment_release p join released a
             on p.methodology_version_id = a.methodology_version_id and p.period = a.period and p.region_id = a.region_id
            and p.revision = a.released_revision - 1),
       inserted as (
         insert into assessment_release (id, methodology_version_id, period, region_id, revision, ${columns}, note, published_by)
         select gen_random_uuid(), methodology_version_id, period, region_id, released_revision, ${columns}, ?, ? from released
         returning region_id, period, revision, index)
       select i.region_id, i.period, i.revision, i.index, x.index as previous_index
         from inserted i left join previous x on x.region_id = i.region_id and x.period = i.period
        order by i.period, i.region_id`,
      [
        where.versionId,
        [...where.periods],
        startsWithPattern(where.regionPath),
        ...(where.publishedUnder ? [where.publishedUnder] : []),
        note,
        publishedBy,
      ],
    );
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
