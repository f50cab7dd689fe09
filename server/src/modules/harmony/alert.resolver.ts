import { harmony } from '@massline/shared';
import { Arg, Args, Ctx, Field, Float, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IdArg, IdsArg } from '../../common/global-id';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { Alert, type AlertPeriodValue } from './alert.entity';
import { AlertService, MAX_BULK_ALERTS } from './alert.service';
import { AlertListArgs } from './dto/harmony.inputs';

export const AlertConnection = ConnectionType(Alert, 'Alert');

@ObjectType('AlertPeriodValue', { description: "One period of an alert's run: the period and the figure the rule looked at" })
export class AlertPeriodValueView {
  @Field(() => String, { description: 'The period' }) period!: string;
  @Field(() => Float, { nullable: true, description: "The index, or the indicator's value for a red line" }) value!: number | null;
}

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Query(() => AlertConnection, { description: 'Prompts and warnings of your jurisdiction, newest first' })
  @Allow('read', 'Alert')
  alerts(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: AlertListArgs) {
    return this.service.list(context, page, args);
  }

  @Mutation(() => Alert, { description: 'Acknowledges an open alert (see acknowledgeAlerts for many at once)' })
  @Allow('update', 'Alert')
  async acknowledgeAlert(
    @Ctx() context: RequestContext,
    @IdArg('Alert', 'id', { description: 'The alert.' }) id: string,
    @Arg('note', () => String, { nullable: true, description: 'What you noted on acknowledging it' }) note?: string | null,
  ) {
    const [alert] = await this.service.transitionMany(context, [id], 'ACKNOWLEDGE', note ?? null);
    return alert;
  }

  @Mutation(() => Alert, { description: 'Resolves an open or acknowledged alert, saying how (see resolveAlerts for many at once)' })
  @Allow('update', 'Alert')
  async resolveAlert(
    @Ctx() context: RequestContext,
    @IdArg('Alert', 'id', { description: 'The alert.' }) id: string,
    @Arg('note', () => String, { description: 'How it was resolved (required, shown with the alert and in the audit log)' }) note: string,
  ) {
    const [alert] = await this.service.transitionMany(context, [id], 'RESOLVE', note);
    return alert;
  }

  @Mutation(() => [Alert], {
    description: `Acknowledges open alerts with one note, all or none: if any cannot be (not found, outside your jurisdiction, not open), none is and the error names each (its id as a field). At most ${MAX_BULK_ALERTS}.`,
  })
  @Allow('update', 'Alert')
  acknowledgeAlerts(
    @Ctx() context: RequestContext,
    @IdsArg('Alert', 'ids', { description: 'The alerts.' }) ids: string[],
    @Arg('note', () => String, { nullable: true, description: 'What you noted on acknowledging them' }) note?: string | null,
  ) {
    return this.service.transitionMany(context, ids, 'ACKNOWLEDGE', note ?? null);
  }

  @Mutation(() => [Alert], {
    description: `Resolves open or acknowledged alerts with one note saying how, all or none (as acknowledgeAlerts). At most ${MAX_BULK_ALERTS}.`,
  })
  @Allow('update', 'Alert')
  resolveAlerts(
    @Ctx() context: RequestContext,
    @IdsArg('Alert', 'ids', { description: 'The alerts.' }) ids: string[],
    @Arg('note', () => String, { description: 'How it was resolved (required, shown with the alert and in the audit log)' }) note: string,
  ) {
    return this.service.transitionMany(context, ids, 'RESOLVE', note);
  }

  @Mutation(() => [Alert], {
    description:
      "Undoes your own acknowledgement of alerts, within ten minutes of it: they are open again. All or none: someone else's acknowledgement (CONFLICT, ALERT_UNDO_NOT_YOURS) or an older one (CONFLICT, ALERT_UNDO_TOO_LATE) refuses the whole undo.",
  })
  @Allow('update', 'Alert')
  undoAlertAcknowledgements(@Ctx() context: RequestContext, @IdsArg('Alert', 'ids', { description: 'The alerts.' }) ids: string[]) {
    return this.service.transitionMany(context, ids, 'UNDO_ACKNOWLEDGE', null);
  }

  @FieldResolver(() => Region)
  region(@Root() alert: Alert, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, alert.region);
  }

  @FieldResolver(() => String, { nullable: true })
  indicatorCode(@Root() alert: Alert): string | null {
    return alert.indicatorCode || null;
  }

  @FieldResolver(() => String, { description: 'The first period of its run of breaches' })
  firstPeriod(@Root() alert: Alert): string {
    return alert.firstPeriod ?? alert.period;
  }

  @FieldResolver(() => [AlertPeriodValueView], {
    description: 'Each period it has been breached in, oldest first, with the figure the rule looked at (the trend)',
  })
  trend(@Root() alert: Alert): AlertPeriodValue[] {
    return alert.history.length > 0 ? alert.history : [{ period: alert.period, value: harmony.alertValue(alert.kind, alert.details) }];
  }

  @FieldResolver(() => Int, { description: 'How many periods it has been breached in ("below 60 for 5 quarters")' })
  periodCount(@Root() alert: Alert): number {
    return Math.max(alert.history.length, 1);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The figure of its latest period' })
  latestValue(@Root() alert: Alert): number | null {
    return harmony.alertValue(alert.kind, alert.details);
  }

  @FieldResolver(() => Int, { description: 'The methodology version whose rules raised it' })
  methodologyVersion(@Root() alert: Alert): number {
    return alert.methodologyVersion.version;
  }
}
