import { harmony } from '@massline/shared';
import { scoped, type Filter } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { inTransaction, type DomainEvents } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { startsWithPattern } from '../../common/text-search';
import { Region } from '../regions/region.entity';
import { Alert } from './alert.entity';
import type { AlertListArgs } from './dto/harmony.inputs';
import type { AlertStatus } from './harmony-enums';
import { periodCode } from './harmony-errors';

/** Prompts and warnings: raised by the recomputation, acknowledged and resolved by organizations. */
export class AlertService {
  constructor(private readonly events: DomainEvents) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: AlertListArgs): Promise<Connection<Alert>> {
    const requested: Filter = {};
    // Alerts belong to the version that raised them: by default, the active one's.
    requested.methodologyVersion = filter?.methodologyVersionId ?? { active: true };
    if (filter?.status) requested.status = filter.status;
    if (filter?.period) requested.period = periodCode(filter.period);
    if (filter?.withinId) {
      const within = await context.em.findOne(Region, { id: filter.withinId }, { fields: ['path'] });
      if (!within) return paginate(context.em, Alert, null, page, {});
      requested.region = { path: { $like: startsWithPattern(within.path) } };
    }
    const direction = (orderBy?.direction ?? 'DESC').toLowerCase() as 'asc' | 'desc';
    const order =
      orderBy?.field === 'PERIOD'
        ? { period: direction }
        : orderBy?.field === 'STATUS'
          ? { status: direction, raisedAt: 'desc' as const }
          : { raisedAt: direction, period: 'desc' as const };
    return paginate(context.em, Alert, scoped(context.ability, 'read', 'Alert', requested), page, order, ['region', 'methodologyVersion']);
  }

  async transition(context: RequestContext, id: string, to: AlertStatus, note: string | null): Promise<Alert> {
    const alert = await context.em.findOne(Alert, { id }, { populate: ['region', 'methodologyVersion'] });
    if (!alert) throw notFound('Alert');
    authorize(context, 'update', 'Alert', alert);
    // Which status may follow which is shared's transition table, the one the console's buttons follow.
    if (!harmony.canAlertBecome(alert.status, to))
      throw new AppError('ALERT_TRANSITION_INVALID', `An alert that is ${alert.status.toLowerCase()} cannot become ${to.toLowerCase()}`);
    const resolution = note?.trim() ?? '';
    if (to === 'RESOLVED' && !resolution) throw invalidInput({ note: 'Say how it was resolved' });
    const before = { status: alert.status };
    return inTransaction(this.events, context, async (em) => {
      const managed = em.merge(alert);
      managed.status = to;
      if (to === 'ACKNOWLEDGED') {
        managed.acknowledgedBy = context.actorLabel;
        managed.acknowledgedAt = new Date();
      } else {
        managed.resolvedBy = context.actorLabel;
        managed.resolvedAt = new Date();
        managed.resolutionNote = resolution;
      }
      return {
        result: managed,
        events: [
          {
            action: to === 'ACKNOWLEDGED' ? 'alert.acknowledge' : 'alert.resolve',
            subjectType: 'Alert',
            subjectId: alert.id,
            regionPath: alert.region.path,
            before,
            after: { status: to, ...(to === 'RESOLVED' ? { note: resolution } : {}) },
          },
        ],
      };
    });
  }
}
