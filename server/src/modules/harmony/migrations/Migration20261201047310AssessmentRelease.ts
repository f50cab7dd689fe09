import { Migration } from '@mikro-orm/migrations';

/**
 * Published figures become releases (DDL from `npm run migration:diff`, triggers and data ours):
 * `assessment_release` keeps every publication, first and revisions, append-only; `assessment.released_revision`
 * says which one the public sees. What was published before keeps being shown as it is now: each published
 * assessment becomes its revision 1, dated by its computation (the closest record of when it was shown).
 */
export class Migration20261201047310AssessmentRelease extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assessment_release" ("id" uuid not null, "methodology_version_id" uuid not null, "period" varchar(10) not null, "region_id" uuid not null, "revision" int not null, "index" double precision null, "grade" text check ("grade" in ('HARMONIOUS', 'BASICALLY_HARMONIOUS', 'ATTENTION', 'WARNING')) null, "coverage" double precision not null, "complete" boolean not null, "method" text check ("method" in ('DIRECT', 'ROLLED_UP')) not null, "rank" int null, "sibling_count" int null, "previous_index" double precision null, "figures" bytea not null, "note" text null, "published_at" timestamptz not null default now(), "published_by" varchar(254) null, constraint "assessment_release_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessment_release" add constraint "assessment_release_once" unique ("methodology_version_id", "period", "region_id", "revision");`,
    );
    this.addSql(`create trigger "assessment_release_append_only" before update or delete on "assessment_release"
      for each row execute function "refuse_change"();`);
    this.addSql(`create trigger "assessment_release_no_truncate" before truncate on "assessment_release"
      for each statement execute function "refuse_change"();`);
    this.addSql(`alter table "assessment" add column "released_revision" int null;`);
    this.addSql(
      `insert into "assessment_release" ("id", "methodology_version_id", "period", "region_id", "revision", "index", "grade", "coverage", "complete", "method", "rank", "sibling_count", "previous_index", "figures", "published_at")
       select gen_random_uuid(), "methodology_version_id", "period", "region_id", 1, "index", "grade", "coverage", "complete", "method", "rank", "sibling_count", "previous_index", "figures", "computed_at"
         from "assessment" where "published";`,
    );
    this.addSql(`update "assessment" set "released_revision" = 1 where "published";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "assessment" drop column "released_revision";`);
    this.addSql(`drop table if exists "assessment_release" cascade;`);
  }
}
