import { Migration } from '@mikro-orm/migrations';

/**
 * The cadres module: cadres (a name and the region that keeps the record — no personal identifier),
 * posts (titles in both languages, organization, region served, level) and terms (a cadre in a post
 * from a date to a planned end, or until it ended early, with why). The checks keep a term's dates in
 * order and an end with its reason; one holder of a post at a time is createTerm's guarded write (it
 * locks the post's row) with shared's tenure rules. `grant_id` will name the power grant that created
 * the term (mechanism 3), without a foreign key until grants exist.
 */
export class Migration20261129180000Cadres extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "post" ("id" uuid not null, "title" varchar(200) not null, "title_zh" varchar(200) not null, "organization_id" uuid not null, "region_id" uuid not null, "level" text check ("level" in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "created_at" timestamptz(3) not null default now(), constraint "post_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "post_organization_id_index" on "post" ("organization_id");`);
    this.addSql(`create index "post_region_id_index" on "post" ("region_id");`);
    this.addSql(`create index "post_title_id_index" on "post" ("title", "id");`);
    this.addSql(
      `create table "cadre" ("id" uuid not null, "name" varchar(100) not null, "region_id" uuid not null, "created_at" timestamptz(3) not null default now(), constraint "cadre_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cadre_region_id_index" on "cadre" ("region_id");`);
    this.addSql(`create index "cadre_name_id_index" on "cadre" ("name", "id");`);
    this.addSql(
      `create table "term" ("id" uuid not null, "cadre_id" uuid not null, "post_id" uuid not null, "starts_on" date not null, "ends_on" date not null, "ended_on" date null, "end_reason" text check ("end_reason" in ('EXPIRY', 'RESIGNATION', 'DISMISSAL', 'RECALL')) null, "grant_id" uuid null, "created_at" timestamptz(3) not null default now(), constraint "term_pkey" primary key ("id"), constraint term_end_has_reason check ((ended_on is null) = (end_reason is null)), constraint term_ends_after_it_starts check (ended_on is null or (ended_on > starts_on and ended_on <= ends_on)), constraint term_dates_in_order check (ends_on > starts_on));`,
    );
    this.addSql(`create index "term_cadre_id_starts_on_index" on "term" ("cadre_id", "starts_on");`);
    this.addSql(`create index "term_post_id_starts_on_index" on "term" ("post_id", "starts_on");`);
    this.addSql(`create index "term_starts_on_id_index" on "term" ("starts_on", "id");`);
    this.addSql(
      `alter table "post" add constraint "post_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "post" add constraint "post_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "cadre" add constraint "cadre_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "term" add constraint "term_cadre_id_foreign" foreign key ("cadre_id") references "cadre" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "term" add constraint "term_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "term" cascade;`);
    this.addSql(`drop table if exists "post" cascade;`);
    this.addSql(`drop table if exists "cadre" cascade;`);
  }
}
