import { harmony, problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { HarmonyEvents } from './harmony.events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { Alert } from './alert.entity';
import { AlertRepository, type AlertTransitionChanges } from './alert.repository';
import type { AlertListArgs } from './dto/harmony.inputs';
import type { AlertStatus } from './harmony-enums';

/** Prompts and warnings: raised by the recomputation, acknowledged and resolved by organizations. */
export class AlertService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: AlertListArgs): Promise<Connection<Alert>> {
    const alerts = new AlertRepository(context.em);
    const requested = await alerts.requestedFilter(filter);
    return alerts.page(requested && scoped(context.ability, 'read', 'Alert', requested), page, orderBy);
  }

  async transition(context: RequestContext, id: string, to: AlertStatus, note: string | null): Promise<Alert> {
    const alert = await new AlertRepository(context.em).findWithRegion(id);
    if (!alert) throw notFound('Alert');
    authorize(context, 'update', 'Alert', alert);
    // Which status may follow which is shared's transition table, the one the console's buttons follow.
    if (!harmony.canAlertBecome(alert.status, to))
      throw new AppError('ALERT_TRANSITION_INVALID', `An alert that is ${alert.status.toLowerCase()} cannot become ${to.toLowerCase()}`);
    const resolution = note?.trim() ?? '';
    if (to === 'RESOLVED' && !resolution) throw invalidInput({ note: problemOf('RESOLUTION_NOTE_REQUIRED') });
    const before = { status: alert.status };
    return inTransaction(this.events, context, async (em) => {
      const changes: AlertTransitionChanges =
        to === 'ACKNOWLEDGED'
          ? { status: to, acknowledgedBy: context.actorLabel, acknowledgedAt: new Date() }
          : { status: to, resolvedBy: context.actorLabel, resolvedAt: new Date(), resolutionNote: resolution };
      // Guarded: only from the status checked above; a concurrent transition that came first makes this one lose.
      const managed = await new AlertRepository(em).transition(alert.id, alert.status, changes);
      if (!managed) throw new AppError('ALERT_TRANSITION_INVALID', 'This alert was changed meanwhile by someone else: reload it');
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
