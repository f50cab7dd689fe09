import type { EntityManager } from '@mikro-orm/postgresql';
import type { evaluation, grants, reviews } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import type { ReviewAlertFilter } from './dto/reviews.inputs';
import { ReviewAlert } from './review-alert.entity';

/** A review alert to raise: the term, whom it is addressed to, and the verdict's figures. */
export interface ReviewAlertDraft {
  termId: string;
  regionId: string;
  organizationId: string;
  addressee: reviews.ReviewAlertAddressee;
  grantId: string | null;
  bodyName: string | null;
  bodyKind: grants.GrantingBodyKind | null;
  settingsVersion: number;
  score: number;
  low: number;
  high: number;
  grade: evaluation.CadreGradeCode;
  flags: string[];
}

/** The SQL of review alerts. */
export class ReviewAlertRepository {
  constructor(private readonly em: EntityManager) {}

  requestedFilter(filter: ReviewAlertFilter | null | undefined): Filter {
    const requested: Filter = {};
    if (filter?.status) requested.status = filter.status;
    if (filter?.termId) requested.term = filter.termId;
    return requested;
  }

  /** A page of review alerts, the newest first, with their terms and regions. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<ReviewAlert>> {
    const order = orderFor<'RAISED_AT', ReviewAlert>(
      'reviewAlerts',
      null,
      { field: 'RAISED_AT', direction: 'DESC' },
      { RAISED_AT: (direction) => [sortKey('raisedAt', direction, 'date', (alert) => alert.raisedAt)] },
      byId,
    );
    return paginate(this.em, ReviewAlert, where, page, order, ['term', 'region']);
  }

  /**
   * Raises the alerts not raised yet, in one statement: a term already alerted under the same settings
   * version (by an earlier change, or by a concurrent one that committed first) is skipped by the unique
   * key, never raised twice. Returns the ids of those raised now, by term.
   */
  async raiseOnce(drafts: readonly ReviewAlertDraft[]): Promise<{ id: string; termId: string }[]> {
    if (drafts.length === 0) return [];
    const column = <K extends keyof ReviewAlertDraft>(key: K) => drafts.map((draft) => draft[key]);
    return sql<{ id: string; termId: string }>(
      this.em,
      `insert into review_alert (id, term_id, region_id, organization_id, addressee, grant_id, body_name, body_kind,
                                 settings_version, score, low, high, grade, flags, raised_at, status)
       select gen_random_uuid(), d.term_id, d.region_id, d.organization_id, d.addressee, d.grant_id, d.body_name, d.body_kind,
              d.settings_version, d.score, d.low, d.high, d.grade, d.flags::jsonb, now(), 'OPEN'
         from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::float8[], ?::float8[],
                     ?::float8[], ?::text[], ?::text[])
              as d(term_id, region_id, organization_id, addressee, grant_id, body_name, body_kind, settings_version, score, low, high, grade, flags)
       on conflict (term_id, settings_version) do nothing
       returning id, term_id as "termId"`,
      [
        column('termId'),
        column('regionId'),
        column('organizationId'),
        column('addressee'),
        column('grantId'),
        column('bodyName'),
        column('bodyKind'),
        column('settingsVersion'),
        column('score'),
        column('low'),
        column('high'),
        column('grade'),
        drafts.map((draft) => JSON.stringify(draft.flags)),
      ],
    );
  }

  findWithRegion(id: string): Promise<ReviewAlert | null> {
    return this.em.findOne(ReviewAlert, { id }, { populate: ['region', 'term'], refresh: true });
  }

  /** Resolves an open alert — a guarded write (`… WHERE status = 'OPEN'`): false if it was resolved meanwhile. */
  async resolve(id: string, by: string, note: string): Promise<boolean> {
    const changed = await this.em.nativeUpdate(
      ReviewAlert,
      { id, status: 'OPEN' },
      { status: 'RESOLVED', resolvedBy: by, resolvedAt: new Date(), resolutionNote: note },
    );
    return changed === 1;
  }
}
