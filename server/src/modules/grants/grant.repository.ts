import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { grants } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import { ancestorPaths } from '@massline/shared';
import type { GrantFilter } from './dto/grants.inputs';
import { GrantObjection } from './grant-objection.entity';
import { Grant } from './grant.entity';
import type { GrantEndingReason } from './grants-enums';

/** A step as it stands: its corrected date and facts when corrected, and as first recorded. */
export interface StepRow {
  id: string;
  grantId: string;
  step: grants.GrantRecordStep;
  position: number;
  date: string;
  facts: Record<string, unknown>;
  recordedDate: string;
  recordedFacts: Record<string, unknown>;
  recordedAt: Date;
  corrected: boolean;
}

export interface CorrectionRow {
  id: string;
  grantId: string;
  correctsId: string;
  date: string;
  facts: Record<string, unknown>;
  reason: string;
  recordedAt: Date;
}

export interface ObjectionRow {
  id: string;
  grantId: string;
  filerName: string | null;
  text: string;
  evidence: string | null;
  filedAt: Date;
  answerId: string | null;
  upheld: boolean | null;
  reasons: string | null;
  answeredAt: Date | null;
}

export interface EndingRow {
  id: string;
  grantId: string;
  reason: GrantEndingReason;
  endedOn: string;
  decidedBy: string;
  why: string;
  recordedAt: Date;
}

/** A step's facts as they stand (its latest correction's, else as recorded), for a step row aliased `s`. */
const CURRENT_FACTS = `coalesce((select c.facts from grant_correction c where c.corrects_id = s.id order by c.recorded_at desc, c.id desc limit 1), s.facts)`;
const CURRENT_DATE = `coalesce((select c.date from grant_correction c where c.corrects_id = s.id order by c.recorded_at desc, c.id desc limit 1), s.date)`;
const hasStep = (grant: string, step: string) =>
  `exists (select 1 from grant_step s where s.grant_id = ${grant}.id and s.step = '${step}')`;

/** Where a grant stands, in SQL: the same derivation as the service's `statusOf`, for a grant row aliased `grant`. */
const statusSql = (grant: string) => `(case
  when exists (select 1 from grant_ending e where e.grant_id = ${grant}.id) then 'ENDED'
  when exists (select 1 from grant_objection o join grant_answer a on a.objection_id = o.id where o.grant_id = ${grant}.id and a.upheld) then 'STOPPED'
  when ${hasStep(grant, 'PROBATION_END')} then
    case when (select ${CURRENT_FACTS} ->> 'outcome' from grant_step s where s.grant_id = ${grant}.id and s.step = 'PROBATION_END') = 'REMOVED' then 'ENDED' else 'IN_EFFECT' end
  when ${hasStep(grant, 'TAKING_EFFECT')} then case when ${grant}.method = 'APPOINTMENT' then 'PROBATION' else 'IN_EFFECT' end
  when ${hasStep(grant, 'NOTICE')} then 'NOTICE'
  else 'PROCEDURE' end)`;

/** The date of a grant's decision as it stands (null before it is recorded). */
const decisionDateSql = (grant: string) =>
  `(select ${CURRENT_DATE} from grant_step s where s.grant_id = ${grant}.id and s.step = 'DECISION')`;

/** The last day of a grant's notice as it stands (null before it is recorded), and its first. */
const noticeSql = (grant: string, what: 'start' | 'end') =>
  `(select ${what === 'end' ? `(${CURRENT_FACTS} ->> 'end')::date` : CURRENT_DATE} from grant_step s where s.grant_id = ${grant}.id and s.step = 'NOTICE')`;

/**
 * A timestamp of a plain-SQL row as a Date: the driver hands `timestamptz` columns of raw queries back as
 * text, which the DateTime scalar refuses.
 */
const instant = (value: Date | string): Date => new Date(value);
const instantOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
const objectionDates = (row: ObjectionRow): ObjectionRow => ({
  ...row,
  filedAt: instant(row.filedAt),
  answeredAt: instantOrNull(row.answeredAt),
});

/** The SQL of grants and their records (steps, corrections, objections and answers, endings). */
export class GrantRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The filter's conditions in SQL. Status, period and open notice are derived from the records (a grant
   * stores none of them), so they are subqueries on the grant's row: still one statement per page. The
   * lookups happen once; the conditions come as a function, since each query needs its own raw fragments.
   */
  async requestedFilter(filter: GrantFilter | null | undefined, today: string): Promise<(() => Filter) | null> {
    const requested: Filter = {};
    if (filter?.postId) requested.post = filter.postId;
    if (filter?.cadreId) requested.cadre = filter.cadreId;
    if (filter?.method) requested.method = filter.method;
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    const derived: { sql: (alias: string) => string; params: unknown[] }[] = [];
    if (filter?.noticeFor) {
      // A grant's notice concerns the residents of its region and of every region under it: the grants of
      // this region and of the regions above it (their paths are prefixes of its path).
      const [region] = await sql<{ path: string }>(this.em, 'select path from region where id = ?', [filter.noticeFor]);
      if (!region) return null;
      derived.push({
        // One text parameter (a raw fragment would spread an array into several); paths hold no comma.
        sql: (alias) => `(select r.path from region r where r.id = ${alias}.region_id) = any(string_to_array(?, ','))`,
        params: [ancestorPaths(region.path).join(',')],
      });
    }
    if (filter?.status) derived.push({ sql: (alias) => `${statusSql(alias)} = ?`, params: [filter.status] });
    if (filter?.decidedFrom) derived.push({ sql: (alias) => `${decisionDateSql(alias)} >= ?::date`, params: [filter.decidedFrom] });
    if (filter?.decidedTo) derived.push({ sql: (alias) => `${decisionDateSql(alias)} <= ?::date`, params: [filter.decidedTo] });
    if (filter?.noticeOpen === true) {
      derived.push({
        sql: (alias) =>
          `${statusSql(alias)} = 'NOTICE' and ${noticeSql(alias, 'start')} <= ?::date and ${noticeSql(alias, 'end')} >= ?::date`,
        params: [today, today],
      });
    }
    if (derived.length === 0) return () => requested;
    return () => ({ $and: [requested, ...derived.map((condition) => ({ [raw(condition.sql, condition.params)]: [] }))] });
  }

  page(where: Filter | null | (() => Filter | null), page: PageArgs): Promise<Connection<Grant>> {
    const order = orderFor<'CREATED_AT', Grant>(
      'grants',
      null,
      { field: 'CREATED_AT', direction: 'DESC' },
      { CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (grant) => grant.createdAt)] },
      byId,
    );
    return paginate(this.em, Grant, where, page, order);
  }

  /**
   * The grants of these cadres with their regions and posts, the latest recorded first: one statement.
   * The post comes with the grant, not from whichever sibling query happened to load it first: a cadre's
   * page asks for the grants' posts while its terms (the same posts) are still being read, and a post
   * read only when the terms had not yet arrived made the page's statement count depend on timing.
   */
  ofCadres(cadreIds: readonly string[]): Promise<Grant[]> {
    return this.em.find(
      Grant,
      { cadre: { $in: [...cadreIds] } },
      { populate: ['region', 'post'], orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }

  /** The grants of these ids with their regions and posts (as `ofCadres`, for the same reason): one statement. */
  withRegionsAndPosts(ids: readonly string[]): Promise<Grant[]> {
    return this.em.find(Grant, { id: { $in: [...ids] } }, { populate: ['region', 'post'] });
  }

  findWithRegion(id: string): Promise<Grant | null> {
    return this.em.findOne(Grant, { id }, { populate: ['region'] });
  }

  /** Serializes the changes of one grant for the rest of the transaction (its rows cannot be locked by a role that may not update them). */
  async lock(id: string): Promise<void> {
    await sql(this.em, `select pg_advisory_xact_lock(hashtextextended('grant:' || ?, 0))`, [id]);
  }

  async grantOfStep(stepId: string): Promise<string | null> {
    const [row] = await sql<{ grantId: string }>(this.em, 'select grant_id as "grantId" from grant_step where id = ?', [stepId]);
    return row?.grantId ?? null;
  }

  async stepsOf(grantIds: readonly string[]): Promise<StepRow[]> {
    const rows = await sql<StepRow>(
      this.em,
      `select s.id, s.grant_id as "grantId", s.step, s.position, coalesce(c.date, s.date)::text as date, coalesce(c.facts, s.facts) as facts,
              s.date::text as "recordedDate", s.facts as "recordedFacts", s.recorded_at as "recordedAt", c.id is not null as corrected
         from grant_step s
         left join lateral (select c.date, c.facts, c.id from grant_correction c where c.corrects_id = s.id
                             order by c.recorded_at desc, c.id desc limit 1) c on true
        where s.grant_id = any(?::uuid[]) order by s.grant_id, s.position`,
      [[...grantIds]],
    );
    return rows.map((row) => ({ ...row, recordedAt: instant(row.recordedAt) }));
  }

  async correctionsOf(grantIds: readonly string[]): Promise<CorrectionRow[]> {
    const rows = await sql<CorrectionRow>(
      this.em,
      `select id, grant_id as "grantId", corrects_id as "correctsId", date::text as date, facts, reason, recorded_at as "recordedAt"
         from grant_correction where grant_id = any(?::uuid[]) order by recorded_at, id`,
      [[...grantIds]],
    );
    return rows.map((row) => ({ ...row, recordedAt: instant(row.recordedAt) }));
  }

  async objectionsOf(grantIds: readonly string[]): Promise<ObjectionRow[]> {
    const rows = await sql<ObjectionRow>(
      this.em,
      `select o.id, o.grant_id as "grantId", o.filer_name as "filerName", o.text, o.evidence, o.filed_at as "filedAt",
              a.id as "answerId", a.upheld, a.reasons, a.answered_at as "answeredAt"
         from grant_objection o left join grant_answer a on a.objection_id = o.id
        where o.grant_id = any(?::uuid[]) order by o.filed_at, o.id`,
      [[...grantIds]],
    );
    return rows.map(objectionDates);
  }

  async objection(id: string): Promise<ObjectionRow | null> {
    const [row] = await this.objectionsWhere('o.id = ?', [id]);
    return row ?? null;
  }

  /** The objections of these ids with their answers: one statement. */
  objectionsOfIds(ids: readonly string[]): Promise<ObjectionRow[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.objectionsWhere('o.id = any(?::uuid[])', [[...ids]]);
  }

  /** The objection whose receipt has this hash (an anonymous one), with its answer. */
  async objectionOfReceipt(receiptHash: Buffer): Promise<ObjectionRow | null> {
    const [row] = await this.objectionsWhere('o.receipt_hash = ?', [receiptHash]);
    return row ?? null;
  }

  private async objectionsWhere(condition: string, params: readonly unknown[]): Promise<ObjectionRow[]> {
    const rows = await sql<ObjectionRow>(
      this.em,
      `select o.id, o.grant_id as "grantId", o.filer_name as "filerName", o.text, o.evidence, o.filed_at as "filedAt",
              a.id as "answerId", a.upheld, a.reasons, a.answered_at as "answeredAt"
         from grant_objection o left join grant_answer a on a.objection_id = o.id where ${condition}`,
      params,
    );
    return rows.map(objectionDates);
  }

  /** A page of the objections filed under this citizen's name, the latest first (anonymous ones hold no user id). */
  filedBy(userId: string, page: PageArgs): Promise<Connection<GrantObjection>> {
    const order = orderFor<'FILED_AT', GrantObjection>(
      'myObjections',
      null,
      { field: 'FILED_AT', direction: 'DESC' },
      { FILED_AT: (direction) => [sortKey('filedAt', direction, 'date', (objection) => objection.filedAt)] },
      byId,
    );
    return paginate(this.em, GrantObjection, { filedBy: userId }, page, order);
  }

  async endingsOf(grantIds: readonly string[]): Promise<EndingRow[]> {
    const rows = await sql<EndingRow>(
      this.em,
      `select id, grant_id as "grantId", reason, ended_on::text as "endedOn", decided_by as "decidedBy", why, recorded_at as "recordedAt"
         from grant_ending where grant_id = any(?::uuid[])`,
      [[...grantIds]],
    );
    return rows.map((row) => ({ ...row, recordedAt: instant(row.recordedAt) }));
  }

  /** The term each grant created, by grant id. */
  async termIdsOf(grantIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await sql<{ grantId: string; id: string }>(
      this.em,
      `select grant_id as "grantId", id from term where grant_id = any(?::uuid[])`,
      [[...grantIds]],
    );
    return new Map(rows.map((row) => [row.grantId, row.id]));
  }

  /** The public holidays and make-up working days from `from` to `to` (inclusive). */
  async calendar(from: string, to: string): Promise<grants.WorkingDayCalendar> {
    const rows = await sql<{ day: string; kind: string }>(
      this.em,
      `select day::text as day, kind from working_calendar_day where day between ?::date and ?::date`,
      [from, to],
    );
    return {
      holidays: new Set(rows.filter((row) => row.kind === 'HOLIDAY').map((row) => row.day)),
      makeUpDays: new Set(rows.filter((row) => row.kind === 'MAKE_UP_DAY').map((row) => row.day)),
    };
  }

  calendarDays(year: number): Promise<{ day: string; kind: string; note: string }[]> {
    return sql(
      this.em,
      `select day::text as day, kind, note from working_calendar_day where day >= make_date(?, 1, 1) and day < make_date(? + 1, 1, 1) order by day`,
      [year, year],
    );
  }

  /** Replaces one year of the calendar (set-based: one delete, one insert). */
  async replaceCalendarYear(year: number, days: readonly { day: string; kind: string; note: string }[]): Promise<void> {
    await sql(this.em, `delete from working_calendar_day where day >= make_date(?, 1, 1) and day < make_date(? + 1, 1, 1)`, [year, year]);
    if (days.length === 0) return;
    await sql(
      this.em,
      `insert into working_calendar_day (day, kind, note) select d, k, n from unnest(?::date[], ?::text[], ?::text[]) as x(d, k, n)`,
      [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.note)],
    );
  }
}
