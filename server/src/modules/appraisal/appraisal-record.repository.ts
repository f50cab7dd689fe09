import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import { Term } from '../cadres/term.entity';
import type { AppraisalRecordFilter } from './dto/appraisal.inputs';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';

/** Inspections and special audits: the two records kept on a term beside mass evaluation, listed alike. */
type AppraisalRecord = typeof Inspection | typeof SpecialAudit;

/** The query side of inspections and special audits, on the entity manager it is given. */
export class AppraisalRecordRepository {
  constructor(private readonly em: EntityManager) {}

  /** The term a record is about, with its post's region (the record's jurisdiction); null if there is none. */
  termWithRegion(termId: string): Promise<Term | null> {
    return this.em.findOne(Term, { id: termId }, { populate: ['post', 'post.region'] });
  }

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: AppraisalRecordFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.termId) requested.term = filter.termId;
    if (filter?.withinId) {
      const within = await withinSubtree(this.em, filter.withinId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of inspections or audits, the latest recorded first. */
  page<Row extends Inspection | SpecialAudit>(entity: EntityName<Row>, where: Filter | null, page: PageArgs): Promise<Connection<Row>> {
    const order = orderFor<'RECORDED', Row>(
      entity === Inspection ? 'inspections' : 'specialAudits',
      null,
      { field: 'RECORDED', direction: 'DESC' },
      { RECORDED: (direction) => [sortKey<Row>('createdAt', direction, 'date', (row) => row.createdAt)] },
      byId,
    );
    return paginate(this.em, entity, where, page, order, ['term', 'region']);
  }

  /**
   * The record of each term that the verdict uses: the latest by its own date (then by when it was
   * recorded), among those the filter lets the caller read. Two statements whatever the number of terms.
   */
  async latestOf<E extends AppraisalRecord>(entity: E, termIds: readonly string[], where: Filter): Promise<Map<string, InstanceType<E>>> {
    if (termIds.length === 0) return new Map();
    const [table, dateColumn] = entity === Inspection ? ['inspection', 'inspected_on'] : ['special_audit', 'audited_on'];
    const latest = await sql<{ id: string }>(
      this.em,
      `select distinct on (term_id) id from "${table}" where term_id = any(?::uuid[])
       order by term_id, ${dateColumn} desc, created_at desc, id desc`,
      [[...termIds]],
    );
    if (latest.length === 0) return new Map();
    const rows = (await this.em.find(entity, { $and: [where, { id: { $in: latest.map((row) => row.id) } }] } as never, {
      populate: ['term', 'region'] as never,
    })) as InstanceType<E>[];
    return new Map(rows.map((row) => [row.term.id, row]));
  }
}
