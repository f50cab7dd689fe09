import { Migration } from '@mikro-orm/migrations';

/**
 * Review alerts: one per term and verdict settings version (`review_alert_once`, which makes a race or
 * a replay raise nothing more), the verdict's figures as raised, the organization addressed and, when the
 * term has a grant, its granting body; an organization's open alerts are found by (organization, status).
 */
export class Migration20261129204817ReviewAlerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "review_alert" ("id" uuid not null, "term_id" uuid not null, "region_id" uuid not null, "organization_id" uuid not null, "addressee" text check ("addressee" in ('GRANTING_BODY', 'POST_ORGANIZATION')) not null, "grant_id" uuid null, "body_name" varchar(200) null, "body_kind" text check ("body_kind" in ('ELECTORATE', 'PEOPLES_CONGRESS', 'PARTY_COMMITTEE', 'STANDING_COMMITTEE')) null, "settings_version" smallint not null, "score" double precision not null, "low" double precision not null, "high" double precision not null, "grade" text check ("grade" in ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT')) not null, "flags" jsonb not null, "raised_at" timestamptz(3) not null default now(), "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "resolved_by" varchar(254) null, "resolved_at" timestamptz(3) null, "resolution_note" text null, constraint "review_alert_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "review_alert_region_id_index" on "review_alert" ("region_id");`);
    this.addSql(`create index "review_alert_organization_id_status_index" on "review_alert" ("organization_id", "status");`);
    this.addSql(`create index "review_alert_raised_at_id_index" on "review_alert" ("raised_at", "id");`);
    this.addSql(`alter table "review_alert" add constraint "review_alert_once" unique ("term_id", "settings_version");`);
    this.addSql(
      `alter table "review_alert" add constraint "review_alert_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "review_alert" add constraint "review_alert_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "review_alert" cascade;`);
  }
}
