import { notifications } from '@massline/shared';
import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, ArgsType, Field } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdsArg, toGlobalId } from '../../common/global-id';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Notification } from './notification.entity';
import { NotificationService } from './notification.service';

export const NotificationConnection = ConnectionType(Notification, 'Notification');

@ArgsType()
class NotificationListArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only the unread ones' }) unreadOnly?: boolean | null;
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, the newest first' })
  @Allow('read', 'Notification')
  notifications(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() { unreadOnly }: NotificationListArgs) {
    return this.service.list(context, page, unreadOnly === true);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the bell)' })
  @Allow('read', 'Notification')
  unreadNotificationCount(@Ctx() context: RequestContext) {
    return this.service.unreadCount(context);
  }

  @Mutation(() => [Notification], {
    description:
      'Marks notifications of yours read, all or none: an id that is not one of yours is NOT_FOUND. Returns them in the order given',
  })
  @Allow('update', 'Notification')
  markNotificationsRead(
    @Ctx() context: RequestContext,
    @IdsArg('Notification', 'ids', { description: 'The notifications.' }) ids: string[],
  ) {
    return this.service.markRead(context, ids);
  }

  @Mutation(() => Int, { description: 'Marks every unread notification of yours read; returns how many there were' })
  @Allow('update', 'Notification')
  markAllNotificationsRead(@Ctx() context: RequestContext) {
    return this.service.markAllRead(context);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you marked it read' })
  read(@Root() notification: Notification): boolean {
    return notification.readAt !== null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The global id of what it is about (a Campaign, a Notice, by kind), for a link; null when about nothing in particular',
  })
  subjectId(@Root() notification: Notification): string | null {
    return notification.subjectId ? toGlobalId(notifications.NOTIFICATION_SUBJECT_TYPES[notification.kind], notification.subjectId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The subject's title in English (a campaign's)" })
  title(@Root() notification: Notification): string | null {
    return notification.params.title ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The subject's title in Chinese" })
  titleZh(@Root() notification: Notification): string | null {
    return notification.params.titleZh ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the campaign closes (campaign notifications)' })
  closesAt(@Root() notification: Notification): Date | null {
    return notification.params.closesAt ? new Date(notification.params.closesAt) : null;
  }
}
