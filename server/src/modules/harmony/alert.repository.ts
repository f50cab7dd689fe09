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
  Pick<Alert, 'status' | 'acknowledgedBy' | 'acknowledgedAt' | 'acknowledgementNote' | 'resolvedBy' | 'resolvedAt' | 'resolutionNote'>
>;
import { periodCode } from '../../common/period';

/** What must still hold of the alerts a guarded write moves: their status, and for an undo who acknowledged and since when. */
export interface AlertGuard {
  status: AlertStatus;
  acknowledgedBy?: string;
  acknowledgedSince?: Date;
}

/** The query side of alerts, on the entity manager it is given. */
export class AlertRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: AlertFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    // Alerts belong to the version that raised them: by default, the active one's.
    requested.methodologyVersion = filter?.methodologyVersionId ?? { active: true };
    if (filter?.status) requested.status = filter.status;
    if (filter?.kind) requested.kind = filter.kind;
    if (filter?.period) {
      // The alerts whose run covers the period: from its first period (or, on rows from before runs, its only one) to its latest.
      const period = periodCode(filter.period);
      requested.$and = [{ period: { $gte: period } }, { $or: [{ firstPeriod: { $lte: period } }, { firstPeriod: null, period }] }];
    }
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

  /** The alerts of these ids that exist, with their regions (one statement). */
  findWithRegions(ids: readonly string[]): Promise<Alert[]> {
    return this.em.find(Alert, { id: { $in: [...ids] } }, { populate: ['region', 'methodologyVersion'], refresh: true });
  }

  /**
   * Moves alerts on from what `guard` says they are — a guarded write (`UPDATE … WHERE id IN (…) AND
   * status = ? [AND acknowledged_by = ? AND acknowledged_at >= ?]`): returns how many rows changed,
   * fewer than asked when a concurrent request moved some of them first.
   */
  transitionMany(ids: readonly string[], guard: AlertGuard, changes: AlertTransitionChanges): Promise<number> {
    return this.em.nativeUpdate(
      Alert,
      {
        id: { $in: [...ids] },
        status: guard.status,
        ...(guard.acknowledgedBy !== undefined ? { acknowledgedBy: guard.acknowledgedBy } : {}),
        ...(guard.acknowledgedSince ? { acknowledgedAt: { $gte: guard.acknowledgedSince } } : {}),
      },
      changes,
    );
  }
}
