import { Migration } from '@mikro-orm/migrations';

/**
 * The security log (append-only like the audit log, its time set by the database), and the request id a
 * client sent, kept apart from the server's own on audit entries.
 */
export class Migration20261130004200SecurityLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "security_event" ("id" uuid not null, "occurred_at" timestamptz not null default clock_timestamp(), "kind" text check ("kind" in ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'REGISTRATION_THROTTLED', 'REFUSED')) not null, "actor_kind" varchar(16) not null, "actor_id" uuid null, "actor_label" varchar(254) null, "region_path" varchar(255) null, "reason" varchar(64) null, "operation" varchar(128) null, "address" varchar(64) null, "user_agent" varchar(300) null, "request_id" varchar(64) not null, "client_request_id" varchar(64) null, "suppressed_count" int not null default 0, constraint "security_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "security_event_occurred_at_index" on "security_event" ("occurred_at");`);
    this.addSql(`create index "security_event_kind_occurred_at_index" on "security_event" ("kind", "occurred_at");`);
    this.addSql(`create index "security_event_region_path_prefix_index" on "security_event" ("region_path" text_pattern_ops);`);
    this.addSql(`create trigger "security_event_no_update_or_delete" before update or delete on "security_event"
      for each row execute function "refuse_change"();`);
    this.addSql(`create trigger "security_event_no_truncate" before truncate on "security_event"
      for each statement execute function "refuse_change"();`);
    this.addSql(`create trigger "security_event_occurred_at_by_database" before insert on "security_event"
      for each row execute function "stamp_database_time"('occurred_at');`);
    this.addSql(`alter table "audit_entry" add column "client_request_id" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "audit_entry" drop column "client_request_id";');
    this.addSql('drop table if exists "security_event" cascade;');
  }
}
