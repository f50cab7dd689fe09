import { Migration } from '@mikro-orm/migrations';

/**
 * Regions, accounts (organizations, users, sessions, API tokens, sign-in throttle) and the audit log.
 * The DDL is what MikroORM generates from the entities (a test checks that they agree); the audit log's
 * append-only trigger is ours: the database refuses UPDATE, DELETE and TRUNCATE on it.
 */
export class Migration20261126000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "occurred_at" timestamptz not null default clock_timestamp(), "actor_kind" varchar(16) not null, "actor_id" uuid null, "actor_label" varchar(200) null, "actor_role" varchar(16) null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(64) not null, "region_path" varchar(255) null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_region_path_prefix_index" on "audit_entry" ("region_path" text_pattern_ops);`);
    this.addSql(`create index "audit_entry_subject_type_subject_id_index" on "audit_entry" ("subject_type", "subject_id");`);
    this.addSql(`create index "audit_entry_occurred_at_index" on "audit_entry" ("occurred_at");`);
    this.addSql(
      `create table "region" ("id" uuid not null, "code" varchar(12) not null, "name" varchar(100) not null, "name_en" varchar(100) not null, "level" text check ("level" in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')) not null, "parent_id" uuid null, "path" varchar(255) not null, "created_at" timestamptz not null default now(), constraint "region_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id");`);
    this.addSql(`alter table "region" add constraint "region_path_unique" unique ("path");`);
    this.addSql(`create index "region_path_prefix_index" on "region" ("path" text_pattern_ops);`);
    this.addSql(
      `create table "organization" ("id" uuid not null, "name" varchar(200) not null, "region_id" uuid not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_region_id_index" on "organization" ("region_id");`);
    this.addSql(
      `create table "region_statistics" ("id" uuid not null, "region_id" uuid not null, "period" varchar(10) not null, "population" int not null, "households" int not null, constraint "region_statistics_pkey" primary key ("id"), constraint region_statistics_positive check (population > 0 and households > 0));`,
    );
    this.addSql(
      `alter table "region_statistics" add constraint "region_statistics_region_id_period_unique" unique ("region_id", "period");`,
    );
    this.addSql(
      `create table "sign_in_throttle" ("key" varchar(254) not null, "failures" int not null, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "sign_in_throttle_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(100) not null, "role" text check ("role" in ('ORGANIZATION', 'CITIZEN', 'AUDITOR')) not null, "password_hash" varchar(255) not null, "region_id" uuid not null, "organization_id" uuid null, "citizen_status" text check ("citizen_status" in ('UNVERIFIED', 'VERIFIED', 'REJECTED')) null, "citizen_review_note" text null, "active" boolean not null default true, "deactivated_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "app_user_pkey" primary key ("id"), constraint app_user_only_citizens_have_status check ((role = 'CITIZEN') = (citizen_status is not null)), constraint app_user_staff_belong_to_organization check ((role = 'ORGANIZATION') = (organization_id is not null)));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_region_id_index" on "app_user" ("region_id");`);
    this.addSql(`create index "app_user_organization_id_index" on "app_user" ("organization_id");`);
    this.addSql(
      `create table "session" ("id_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id_hash"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);
    this.addSql(
      `create table "api_token" ("id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null, "region_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_prefix_unique" unique ("prefix");`);
    this.addSql(`create index "api_token_region_id_index" on "api_token" ("region_id");`);
    this.addSql(`create index "api_token_created_by_id_index" on "api_token" ("created_by_id");`);
    this.addSql(
      `alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "organization" add constraint "organization_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "region_statistics" add constraint "region_statistics_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "api_token" add constraint "api_token_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(`create function "audit_entry_refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger "audit_entry_no_update_or_delete" before update or delete on "audit_entry"
      for each row execute function "audit_entry_refuse_change"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry"
      for each statement execute function "audit_entry_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table if exists "audit_entry", "sign_in_throttle", "api_token", "session", "app_user", "organization", "region_statistics", "region" cascade;',
    );
    this.addSql('drop function if exists "audit_entry_refuse_change"();');
  }
}
