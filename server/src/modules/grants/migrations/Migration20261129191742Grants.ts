import { Migration } from '@mikro-orm/migrations';

/**
 * Power-granting records (DDL from `npm run migration:diff`, triggers ours): grants, their steps and
 * corrections, objections and answers, endings — every one append-only (`refuse_change` on UPDATE,
 * DELETE and TRUNCATE) and entered in the ledger; the working-day calendar, kept by the root organization.
 * `term.grant_id` now refers to the grant that created the term.
 */
export class Migration20261129191742Grants extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "power_grant" ("id" uuid not null, "post_id" uuid not null, "cadre_id" uuid not null, "region_id" uuid not null, "organization_id" uuid not null, "method" text check ("method" in ('APPOINTMENT', 'ELECTION')) not null, "body_name" varchar(200) not null, "body_kind" text check ("body_kind" in ('ELECTORATE', 'PEOPLES_CONGRESS', 'PARTY_COMMITTEE', 'STANDING_COMMITTEE')) not null, "term_years" smallint not null, "created_by" uuid not null, "created_at" timestamptz(3) not null default now(), constraint "power_grant_pkey" primary key ("id"), constraint power_grant_term_years check (term_years >= 1 and term_years <= 5));`,
    );
    this.addSql(`create index "power_grant_post_id_index" on "power_grant" ("post_id");`);
    this.addSql(`create index "power_grant_cadre_id_index" on "power_grant" ("cadre_id");`);
    this.addSql(`create index "power_grant_region_id_index" on "power_grant" ("region_id");`);
    this.addSql(`create index "power_grant_created_at_id_index" on "power_grant" ("created_at", "id");`);
    this.addSql(
      `create table "grant_step" ("id" uuid not null, "grant_id" uuid not null, "step" text check ("step" in ('MOTION', 'RECOMMENDATION', 'INSPECTION', 'DECISION', 'NOTICE', 'TAKING_EFFECT', 'PROBATION_END')) not null, "position" smallint not null, "date" date not null, "facts" jsonb not null, "recorded_by" uuid not null, "recorded_at" timestamptz(3) not null default now(), constraint "grant_step_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "grant_step" add constraint "grant_step_once" unique ("grant_id", "step");`);
    this.addSql(`alter table "grant_step" add constraint "grant_step_position_once" unique ("grant_id", "position");`);
    this.addSql(
      `create table "grant_objection" ("id" uuid not null, "grant_id" uuid not null, "filed_by" uuid null, "filer_name" varchar(100) null, "text" varchar(2000) not null, "evidence" varchar(1000) null, "filed_at" timestamptz(3) not null default now(), constraint "grant_objection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "grant_objection_grant_id_index" on "grant_objection" ("grant_id");`);
    this.addSql(
      `create table "grant_answer" ("id" uuid not null, "objection_id" uuid not null, "upheld" boolean not null, "reasons" varchar(2000) not null, "answered_by" uuid not null, "answered_at" timestamptz(3) not null default now(), constraint "grant_answer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "grant_answer" add constraint "grant_answer_once" unique ("objection_id");`);
    this.addSql(
      `create table "grant_ending" ("id" uuid not null, "grant_id" uuid not null, "reason" text check ("reason" in ('EXPIRY', 'RESIGNATION', 'DISMISSAL', 'RECALL')) not null, "ended_on" date not null, "decided_by" varchar(200) not null, "why" varchar(2000) not null, "recorded_by" uuid not null, "recorded_at" timestamptz(3) not null default now(), constraint "grant_ending_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "grant_ending" add constraint "grant_ending_once" unique ("grant_id");`);
    this.addSql(
      `create table "grant_correction" ("id" uuid not null, "grant_id" uuid not null, "corrects_id" uuid not null, "date" date not null, "facts" jsonb not null, "reason" varchar(1000) not null, "recorded_by" uuid not null, "recorded_at" timestamptz(3) not null default now(), constraint "grant_correction_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "grant_correction_grant_id_index" on "grant_correction" ("grant_id");`);
    this.addSql(`create index "grant_correction_corrects_id_index" on "grant_correction" ("corrects_id");`);
    this.addSql(
      `create table "working_calendar_day" ("day" date not null, "kind" text check ("kind" in ('HOLIDAY', 'MAKE_UP_DAY')) not null, "note" varchar(100) not null, constraint "working_calendar_day_pkey" primary key ("day"));`,
    );
    this.addSql(
      `alter table "power_grant" add constraint "power_grant_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "power_grant" add constraint "power_grant_cadre_id_foreign" foreign key ("cadre_id") references "cadre" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "power_grant" add constraint "power_grant_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_step" add constraint "grant_step_grant_id_foreign" foreign key ("grant_id") references "power_grant" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_objection" add constraint "grant_objection_grant_id_foreign" foreign key ("grant_id") references "power_grant" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_answer" add constraint "grant_answer_objection_id_foreign" foreign key ("objection_id") references "grant_objection" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_ending" add constraint "grant_ending_grant_id_foreign" foreign key ("grant_id") references "power_grant" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_correction" add constraint "grant_correction_grant_id_foreign" foreign key ("grant_id") references "power_grant" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "grant_correction" add constraint "grant_correction_corrects_id_foreign" foreign key ("corrects_id") references "grant_step" ("id") on update cascade on delete restrict;`,
    );
    for (const table of GRANT_TABLES) {
      this.addSql(
        `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "refuse_change"();`,
      );
      this.addSql(
        `create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "refuse_change"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of [...GRANT_TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql('drop table if exists "working_calendar_day";');
  }
}

const GRANT_TABLES = ['power_grant', 'grant_step', 'grant_correction', 'grant_objection', 'grant_answer', 'grant_ending'];
