import type { EntityManager } from '@mikro-orm/postgresql';
import type { cadres } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey, type SortOrder } from '../../common/list-order';
import { sql } from '../../common/sql';
import { withinSubtree } from '../../common/subtree';
import type { TermFilter, TermOrder } from './dto/cadres.inputs';
import { Term } from './term.entity';

/**
 * Today's date (UTC, YYYY-MM-DD): what "current" means. One clock for the `current` field, the
 * `current` filter and the post's holder, given to SQL as a parameter so that they always agree.
 */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** "Held on `day`", as a filter on terms. */
const heldOn = (day: string): Filter => ({ endedOn: null, startsOn: { $lte: day }, endsOn: { $gt: day } });

/** A term as evaluation reads it: its cadre, post, the post's region and whether it is held today. */
export interface TermForCampaign {
  id: string;
  cadreId: string;
  postId: string;
  regionId: string;
  regionPath: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  current: boolean;
}

/** Dates as text: the driver would make JavaScript Dates (at midnight, in the server's zone) of them. */
const TERM_RECORD_COLUMNS = `t.post_id as "postId", p.level, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", t.ended_on::text as "endedOn"`;

/** The query side of terms, on the entity manager it is given. */
export class TermRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: TermFilter | null | undefined, day: string): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.cadreId) requested.cadre = filter.cadreId;
    if (filter?.postId) requested.post = filter.postId;
    if (filter?.current === true) Object.assign(requested, heldOn(day));
    if (filter?.current === false) requested.$or = [{ endedOn: { $ne: null } }, { startsOn: { $gt: day } }, { endsOn: { $lte: day } }];
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.post = { ...(filter.postId ? { id: filter.postId } : {}), region: within };
    }
    return requested;
  }

  /** A page of terms, the latest start first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: TermOrder | null | undefined): Promise<Connection<Term>> {
    const startsOn = (direction: SortOrder) => sortKey<Term>('startsOn', direction, 'string', (term) => term.startsOn);
    const order = orderFor<TermOrder['field'], Term>(
      'terms',
      orderBy,
      { field: 'STARTS_ON', direction: 'DESC' },
      {
        STARTS_ON: (direction) => [startsOn(direction)],
        ENDS_ON: (direction) => [sortKey('endsOn', direction, 'string', (term) => term.endsOn), startsOn(direction)],
      },
      byId,
    );
    return paginate(this.em, Term, where, page, order, ['cadre', 'post']);
  }

  findWithPost(id: string): Promise<Term | null> {
    return this.em.findOne(Term, { id }, { populate: ['post', 'post.region'], refresh: true });
  }

  /** Every term of the post, with its level (the other holders a new term must not overlap). */
  ofPost(postId: string): Promise<cadres.TermRecord[]> {
    return sql(this.em, `select ${TERM_RECORD_COLUMNS} from term t join post p on p.id = t.post_id where t.post_id = ?`, [postId]);
  }

  /** Every term of the cadre, with its post's level (the history the consecutive and level limits read). */
  ofCadre(cadreId: string): Promise<cadres.TermRecord[]> {
    return sql(this.em, `select ${TERM_RECORD_COLUMNS} from term t join post p on p.id = t.post_id where t.cadre_id = ?`, [cadreId]);
  }

  /** The terms of the posts held on `day`, at most one per post (the tenure rules allow no second). */
  async heldOn(postIds: readonly string[], day: string): Promise<Term[]> {
    return this.em.find(Term, { post: { $in: [...postIds] }, ...heldOn(day) }, { populate: ['cadre'] });
  }

  /** The terms of these cadres, the latest start first. */
  ofCadres(cadreIds: readonly string[]): Promise<Term[]> {
    return this.em.find(Term, { cadre: { $in: [...cadreIds] } }, { orderBy: [{ startsOn: 'desc' }, { id: 'desc' }], populate: ['post'] });
  }

  /**
   * The guarded end of a term: `UPDATE … WHERE id = ? AND ended_on IS NULL`. False when it had ended
   * already (a concurrent request ended it first).
   */
  async endIfOpen(id: string, endedOn: string, endReason: cadres.TermEndReason): Promise<boolean> {
    return (await this.em.nativeUpdate(Term, { id, endedOn: null }, { endedOn, endReason })) === 1;
  }

  /** The terms of these ids that exist, as evaluation reads them (one statement). */
  forCampaign(termIds: readonly string[], day: string): Promise<TermForCampaign[]> {
    return sql(
      this.em,
      `select t.id, t.cadre_id as "cadreId", t.post_id as "postId", r.id as "regionId", r.path as "regionPath",
              t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", t.ended_on::text as "endedOn",
              (t.ended_on is null and t.starts_on <= ?::date and ?::date < t.ends_on) as current
         from term t join post p on p.id = t.post_id join region r on r.id = p.region_id
        where t.id = any(?::uuid[])`,
      [day, day, [...termIds]],
    );
  }
}
