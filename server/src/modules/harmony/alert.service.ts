import { subject } from '@casl/ability';
import { harmony, problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { toGlobalId } from '../../common/global-id';
import { AppError, invalidInput } from '../../common/app-error';
import { MAX_PAGE_SIZE, type Connection, type PageArgs } from '../../common/connection';
import { inTransaction, type DomainEvent, type EventPublisher } from '../../common/domain-events';
import type { HarmonyEvents } from './harmony.events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { Alert } from './alert.entity';
import { AlertRepository, type AlertGuard, type AlertTransitionChanges } from './alert.repository';
import type { AlertListArgs } from './dto/harmony.inputs';

/** At most this many alerts in one bulk change: a page of the list. */
export const MAX_BULK_ALERTS = MAX_PAGE_SIZE;

const EVENT_OF: Record<harmony.AlertAction, 'alert.acknowledge' | 'alert.resolve' | 'alert.undo-acknowledge'> = {
  ACKNOWLEDGE: 'alert.acknowledge',
  RESOLVE: 'alert.resolve',
  UNDO_ACKNOWLEDGE: 'alert.undo-acknowledge',
};

const UNDO_REASONS = {
  NOT_ACKNOWLEDGED: 'ALERT_TRANSITION_INVALID',
  NOT_YOURS: 'ALERT_UNDO_NOT_YOURS',
  TOO_LATE: 'ALERT_UNDO_TOO_LATE',
} as const;
const UNDO_TEXT: Record<harmony.AlertUndoRefusal, string> = {
  NOT_ACKNOWLEDGED: 'is not acknowledged',
  NOT_YOURS: 'was acknowledged by someone else',
  TOO_LATE: 'was acknowledged too long ago to undo',
};

/** Prompts and warnings: raised by the recomputation, acknowledged and resolved by organizations. */
export class AlertService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: AlertListArgs): Promise<Connection<Alert>> {
    const alerts = new AlertRepository(context.em);
    const requested = await alerts.requestedFilter(filter);
    return alerts.page(requested && scoped(context.ability, 'read', 'Alert', requested), page, orderBy);
  }

  /**
   * Takes alerts through one action of shared's transition table, all or nothing: every alert must
   * exist, lie in the caller's jurisdiction and allow the action (an undo: the caller's own, recent
   * acknowledgement); otherwise nothing changes and the error names each alert that cannot (its id as
   * a field). One guarded write per status the alerts are in — if a concurrent request moved one of them
   * first, fewer rows change and the whole change is rolled back with CONFLICT. One audited event per
   * alert changed.
   */
  async transitionMany(
    context: RequestContext,
    givenIds: readonly string[],
    action: harmony.AlertAction,
    note: string | null,
  ): Promise<Alert[]> {
    const ids = [...new Set(givenIds)];
    if (ids.length === 0) throw invalidInput({ ids: 'Choose at least one alert' });
    if (ids.length > MAX_BULK_ALERTS) throw invalidInput({ ids: `At most ${MAX_BULK_ALERTS} alerts at once` });
    const text = note?.trim() || null;
    if (action === 'RESOLVE' && !text) throw invalidInput({ note: problemOf('RESOLUTION_NOTE_REQUIRED') });
    const found = new Map((await new AlertRepository(context.em).findWithRegions(ids)).map((alert) => [alert.id, alert]));
    const alerts = this.checkAll(context, ids, found, action);
    const now = new Date();
    const changes = this.changesFor(context, action, text, now);
    const before = new Map(alerts.map((alert) => [alert.id, alert.status]));
    return inTransaction(this.events, context, async (em) => {
      const repository = new AlertRepository(em);
      let moved = 0;
      for (const status of new Set(before.values())) {
        const guard: AlertGuard =
          action === 'UNDO_ACKNOWLEDGE'
            ? {
                status,
                acknowledgedBy: context.actorLabel ?? '',
                acknowledgedSince: new Date(now.getTime() - harmony.ALERT_UNDO_WINDOW_MS),
              }
            : { status };
        const ofStatus = alerts.filter((alert) => before.get(alert.id) === status).map((alert) => alert.id);
        moved += await repository.transitionMany(ofStatus, guard, changes);
      }
      // Guarded: a concurrent change that came first leaves fewer rows to move; this one then loses as a whole.
      if (moved !== alerts.length)
        throw new AppError('ALERT_TRANSITION_INVALID', 'Some of these alerts were changed meanwhile by someone else: reload them');
      const after = await repository.findWithRegions(ids);
      const events: DomainEvent<HarmonyEvents>[] = alerts.map((alert) => ({
        action: EVENT_OF[action],
        subjectType: 'Alert',
        subjectId: alert.id,
        regionPath: alert.region.path,
        before: { status: before.get(alert.id)! },
        after: { status: changes.status!, ...(text ? { note: text } : {}) },
      }));
      const order = new Map(ids.map((id, i) => [id, i]));
      return { result: after.sort((a, b) => order.get(a.id)! - order.get(b.id)!), events };
    });
  }

  /** The alerts in the order asked, or the refusal naming each one that cannot take the action. */
  private checkAll(
    context: RequestContext,
    ids: readonly string[],
    found: ReadonlyMap<string, Alert>,
    action: harmony.AlertAction,
  ): Alert[] {
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw refusal('NOT_FOUND', 'not found', missing);
    const outside = ids.filter((id) => !context.ability.can('update', asAlert(found.get(id)!)));
    if (outside.length > 0) {
      // The anonymous are told to sign in (authorize's own refusal); anyone else learns which ones are not theirs.
      if (context.principal.kind === 'ANONYMOUS') authorize(context, 'update', 'Alert', found.get(outside[0])!);
      throw refusal('OUT_OF_JURISDICTION', 'outside your jurisdiction', outside);
    }
    const alerts = ids.map((id) => found.get(id)!);
    const stuck = alerts.filter((alert) => harmony.nextAlertStatus(alert.status, action) === null);
    if (stuck.length > 0)
      throw new AppError(
        'ALERT_TRANSITION_INVALID',
        `${stuck.length === 1 ? 'This alert is' : 'These alerts are'} ${describeStatuses(stuck)}: ${action.toLowerCase().replace('_', ' ')} is not possible`,
        Object.fromEntries(stuck.map((alert) => [toGlobalId('Alert', alert.id), `is ${alert.status.toLowerCase()}`])),
      );
    if (action === 'UNDO_ACKNOWLEDGE') {
      const now = new Date();
      const refused = alerts
        .map((alert) => ({ alert, why: harmony.undoRefusal(alert, context.actorLabel ?? '', now) }))
        .filter((entry): entry is { alert: Alert; why: harmony.AlertUndoRefusal } => entry.why !== null);
      if (refused.length > 0) {
        const why = refused[0].why;
        const same = refused.filter((entry) => entry.why === why).map((entry) => entry.alert.id);
        throw refusal(UNDO_REASONS[why], UNDO_TEXT[why], same);
      }
    }
    return alerts;
  }

  private changesFor(context: RequestContext, action: harmony.AlertAction, note: string | null, now: Date): AlertTransitionChanges {
    switch (action) {
      case 'ACKNOWLEDGE':
        return { status: 'ACKNOWLEDGED', acknowledgedBy: context.actorLabel, acknowledgedAt: now, acknowledgementNote: note };
      case 'RESOLVE':
        return { status: 'RESOLVED', resolvedBy: context.actorLabel, resolvedAt: now, resolutionNote: note };
      case 'UNDO_ACKNOWLEDGE':
        return { status: 'OPEN', acknowledgedBy: null, acknowledgedAt: null, acknowledgementNote: null };
    }
  }
}

/** The alert as the ability sees it, tagged with its subject (as authorize does). */
function asAlert(alert: Alert) {
  return subject('Alert', { ...alert });
}

function describeStatuses(alerts: readonly Alert[]): string {
  return [...new Set(alerts.map((alert) => alert.status.toLowerCase()))].join(' or ');
}

/** A refusal naming the alerts concerned: in the message, and each as a field. */
function refusal(
  reason: 'NOT_FOUND' | 'OUT_OF_JURISDICTION' | 'ALERT_UNDO_NOT_YOURS' | 'ALERT_UNDO_TOO_LATE' | 'ALERT_TRANSITION_INVALID',
  text: string,
  ids: readonly string[],
) {
  // Named by their API ids (global ids), as the client knows them.
  const named = ids.map((id) => toGlobalId('Alert', id));
  const subject = named.length === 1 ? `Alert ${named[0]}` : `Alerts ${named.join(', ')}`;
  return new AppError(reason, `${subject}: ${text}`, Object.fromEntries(named.map((id) => [id, text])));
}
