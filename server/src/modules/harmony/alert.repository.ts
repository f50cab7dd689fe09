import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey, type SortOrder } from '../../common/list-order';
import { withinSubtree } from '../../common/subtree';
import { Alert } from './alert.entity';
import type { AlertFilter, AlertOrder } from './dto/harmony.inputs';
import type { AlertStatus } from './harmony-enums';

/** What a transition writes: the new status and who moved it there, when. */
export type AlertTransitionChanges = Partial<
  Pick<Alert, 'status' | 'acknowledgedBy' | 'acknowledgedAt' | 'resolvedBy' | 'resolvedAt' | 'resolutionNote'>
>;
import { periodCode } from '../../common/period';

/** The query side of alerts, on the entity manager it is given. */
export class AlertRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: AlertFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    // Alerts belong to the version that raised them: by default, the active one's.
    requested.methodologyVersion = filter?.methodologyVersionId ?? { active: true };
    if (filter?.status) requested.status = filter.status;
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.withinId) {
      const within = await withinSubtree(this.em, filter.withinId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of alerts, the latest raised first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: AlertOrder | null | undefined): Promise<Connection<Alert>> {
    const raisedAt = (direction: SortOrder) => sortKey<Alert>('raisedAt', direction, 'date', (alert) => alert.raisedAt);
    const period = (direction: SortOrder) => sortKey<Alert>('period', direction, 'string', (alert) => alert.period);
    const order = orderFor<AlertOrder['field'], Alert>(
      'alerts',
      orderBy,
      { field: 'RAISED_AT', direction: 'DESC' },
      {
        RAISED_AT: (direction) => [raisedAt(direction), period('desc')],
        PERIOD: (direction) => [period(direction)],
        STATUS: (direction) => [sortKey('status', direction, 'string', (alert) => alert.status), raisedAt('desc')],
      },
      byId,
    );
    return paginate(this.em, Alert, where, page, order, ['region', 'methodologyVersion']);
  }

  findWithRegion(id: string): Promise<Alert | null> {
    return this.em.findOne(Alert, { id }, { populate: ['region', 'methodologyVersion'] });
  }

  /**
   * Moves an alert on from the status `from` — a guarded write (`UPDATE … WHERE id = ? AND status = ?`):
   * if a concurrent request moved it first, no row changes and the answer is null. Otherwise the alert as
   * it now is.
   */
  async transition(id: string, from: AlertStatus, changes: AlertTransitionChanges): Promise<Alert | null> {
    const affected = await this.em.nativeUpdate(Alert, { id, status: from }, changes);
    if (affected !== 1) return null;
    return this.em.findOneOrFail(Alert, { id }, { populate: ['region', 'methodologyVersion'], refresh: true });
  }
}
