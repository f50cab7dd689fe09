import { Migration } from '@mikro-orm/migrations';

/**
 * Inspections, special audits and the verdict settings versions. The tables are what the entities
 * declare (`npm run migration:diff`); the triggers and version 1 of the settings are ours: inspections
 * and audits are append-only (a later record supersedes an earlier one), a settings version is immutable
 * but for being put in force, and the times of records are the database's.
 */
export class Migration20261129190000Appraisal extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "inspection" ("id" uuid not null, "term_id" uuid not null, "region_id" uuid not null, "score" double precision not null, "findings" text not null, "inspector" varchar(200) not null, "inspected_on" date not null, "reported_growth" double precision null, "recorded_by_id" uuid not null, "created_at" timestamptz(3) not null default now(), constraint "inspection_pkey" primary key ("id"), constraint "inspection_score_range" check ("score" >= 0 and "score" <= 100));`,
    );
    this.addSql(`create index "inspection_region_id_index" on "inspection" ("region_id");`);
    this.addSql(
      `create index "inspection_term_id_inspected_on_created_at_id_index" on "inspection" ("term_id", "inspected_on", "created_at", "id");`,
    );
    this.addSql(`create index "inspection_created_at_id_index" on "inspection" ("created_at", "id");`);

    this.addSql(
      `create table "special_audit" ("id" uuid not null, "term_id" uuid not null, "region_id" uuid not null, "debt_at_start" double precision not null, "debt_at_end" double precision not null, "irregular_funds" double precision not null, "showcase_spending" double precision not null, "total_spending" double precision not null, "findings" int not null, "audit_body" varchar(200) not null, "audited_on" date not null, "recorded_by_id" uuid not null, "created_at" timestamptz(3) not null default now(), constraint "special_audit_pkey" primary key ("id"), constraint "special_audit_amounts" check ("debt_at_start" >= 0 and "debt_at_end" >= 0 and "irregular_funds" >= 0 and "showcase_spending" >= 0 and "total_spending" >= 0 and "findings" >= 0 and "irregular_funds" <= "total_spending" and "showcase_spending" <= "total_spending"));`,
    );
    this.addSql(`create index "special_audit_region_id_index" on "special_audit" ("region_id");`);
    this.addSql(
      `create index "special_audit_term_id_audited_on_created_at_id_index" on "special_audit" ("term_id", "audited_on", "created_at", "id");`,
    );
    this.addSql(`create index "special_audit_created_at_id_index" on "special_audit" ("created_at", "id");`);

    this.addSql(
      `create table "verdict_settings" ("id" uuid not null, "version" int not null, "settings" jsonb not null, "note" text null, "active" boolean not null default false, "created_by_id" uuid null, "created_at" timestamptz(3) not null default now(), "activated_at" timestamptz(3) null, constraint "verdict_settings_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "verdict_settings" add constraint "verdict_settings_version_unique" unique ("version");`);
    this.addSql(`create unique index "verdict_settings_one_active" on "verdict_settings" ("active") where "active";`);

    for (const table of ['inspection', 'special_audit']) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
      );
      this.addSql(
        `alter table "${table}" add constraint "${table}_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
      );
      this.addSql(
        `alter table "${table}" add constraint "${table}_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`,
      );
      this.addSql(
        `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "refuse_change"();`,
      );
      this.addSql(
        `create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "refuse_change"();`,
      );
      this.addSql(`create trigger "${table}_created_at_by_database" before insert on "${table}"
        for each row execute function "stamp_database_time"('created_at');`);
    }
    this.addSql(
      `alter table "verdict_settings" add constraint "verdict_settings_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create function "verdict_settings_immutable"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.version, new.settings, new.note, new.created_by_id, new.created_at)
            is distinct from (old.version, old.settings, old.note, old.created_by_id, old.created_at) then
          raise exception 'a verdict settings version is immutable: create a new version' using errcode = 'insufficient_privilege';
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`create trigger "verdict_settings_immutable" before update or delete on "verdict_settings"
      for each row execute function "verdict_settings_immutable"();`);
    this.addSql(`create trigger "verdict_settings_created_at_by_database" before insert on "verdict_settings"
      for each row execute function "stamp_database_time"('created_at');`);
    // Version 1: DEFAULT_VERDICT_SETTINGS of shared/src/domain/evaluation/verdict.ts as it was written (a
    // migration keeps the values it shipped with, whatever the constant becomes).
    this
      .addSql(`insert into "verdict_settings" ("id", "version", "settings", "note", "active", "activated_at") values (gen_random_uuid(), 1,
      '{"weights":{"mass":0.5,"inspection":0.3,"audit":0.2},"bands":[{"code":"EXCELLENT","minimum":90},{"code":"COMPETENT","minimum":75},{"code":"BASICALLY_COMPETENT","minimum":60},{"code":"INCOMPETENT","minimum":0}],"officialGap":20,"gdpGrowth":7,"livelihoodFloor":70,"debtGrowth":0.5,"showcaseShare":0.1,"workStyleGap":15,"auditPenalties":{"debtGrowth":1,"irregularShare":0.05,"showcaseShare":0.2,"findings":10}}',
      'The thresholds of PRODUCT.md: mass 50 %, inspection 30 %, audit 20 %.', true, now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inspection" cascade;`);
    this.addSql(`drop table if exists "special_audit" cascade;`);
    this.addSql(`drop table if exists "verdict_settings" cascade;`);
    this.addSql(`drop function if exists "verdict_settings_immutable"();`);
  }
}
