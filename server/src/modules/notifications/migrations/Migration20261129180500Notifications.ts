import { Migration } from '@mikro-orm/migrations';

/**
 * The notification centre: one row per person and notification, written set-based by the modules that
 * notify; the list reads a person's rows newest first (user, created_at, id), and the bell counts their
 * unread rows through a partial index of the unread ones only.
 */
export class Migration20261129180500Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "user_id" uuid not null, "kind" text check ("kind" in ('CAMPAIGN_OPENED', 'CAMPAIGN_CLOSING', 'NOTICE_OPENED')) not null, "params" jsonb not null default '{}', "subject_id" uuid null, "created_at" timestamptz(3) not null default now(), "read_at" timestamptz(3) null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null;`);
    this.addSql(`create index "notification_user_id_created_at_id_index" on "notification" ("user_id", "created_at", "id");`);
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
