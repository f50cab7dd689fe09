import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { notifications } from '@massline/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { User } from '../accounts/user.entity';
import { NotificationKindEnum } from './notifications-enums';

/**
 * One in-app notification of one person: what happened (`kind`, worded by the console from `params`),
 * about what (`subjectId`: a campaign, a notice), and whether it was read. Written set-based by the
 * modules that notify (one INSERT … SELECT for a region's residents); read and marked read by its
 * person only.
 */
@Entity({ tableName: 'notification' })
// A person's notifications, newest first: the list's keyset order.
@Index({ properties: ['user', 'createdAt', 'id'] })
// The unread count of the bell, asked on every page: only the unread rows are indexed.
@Index({
  name: 'notification_unread_index',
  expression: 'create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null',
})
@ObjectType({ implements: Node, description: 'An in-app notification of yours: a campaign opened, closing soon, a notice opened' })
export class Notification implements Node {
  [OptionalProps]?: 'createdAt' | 'readAt' | 'subjectId' | 'params';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  /** Whose it is (the id only: nothing of the person is ever read through a notification). */
  @ManyToOne(() => User, { deleteRule: 'cascade', mapToPk: true })
  user!: string;

  @Enum({ items: () => notifications.NOTIFICATION_KINDS })
  @Field(() => NotificationKindEnum, { description: 'What happened: the console words it from the parameters' })
  kind!: notifications.NotificationKind;

  @Property({ type: 'jsonb', defaultRaw: `'{}'` })
  params: notifications.NotificationParams = {};

  /** The campaign or notice it is about. */
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When it was sent' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread' })
  readAt: Date | null = null;
}
