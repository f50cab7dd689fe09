import { Migration } from '@mikro-orm/migrations';

/**
 * Harmony index: indicators (with the seven defaults), observations and their revisions, methodology
 * versions (with version 1, active), assessments and alerts. DDL generated from the entities
 * (`npm run migration:diff`); the triggers and the reference data are ours:
 * - observation revisions are append-only;
 * - a methodology version's content never changes (only `active` and `activated_at` may).
 * The defaults are written out here, not imported, so that this migration means the same forever.
 */
export class Migration20261126010000Harmony extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator" ("id" uuid not null, "code" varchar(32) not null, "name_en" varchar(200) not null, "name_zh" varchar(200) not null, "unit_en" varchar(60) not null, "unit_zh" varchar(60) not null, "direction" text check ("direction" in ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER')) not null, "rate_basis" text check ("rate_basis" in ('NONE', 'PER_1K_RESIDENTS', 'PER_10K_RESIDENTS', 'PER_100K_RESIDENTS', 'PER_1K_HOUSEHOLDS', 'PERCENT')) not null, "goalpost_lower" double precision not null, "goalpost_upper" double precision not null, "red_line" double precision null, "built_in" boolean not null default false, "created_at" timestamptz not null default now(), constraint "indicator_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);
    this.addSql(
      `create table "observation" ("id" uuid not null, "region_id" uuid not null, "period" varchar(10) not null, "indicator_id" uuid not null, "value" double precision not null, "raw_count" double precision null, "raw_total" double precision null, "method" text check ("method" in ('DIRECT', 'FROM_COUNT', 'GINI_MICRODATA', 'GINI_LORENZ_QUADRATIC', 'GINI_LINEAR_INTERPOLATION', 'FROM_CAMPAIGNS')) not null, "source" varchar(300) null, "entered_by_id" uuid null, "entered_at" timestamptz not null default now(), "revision" int not null default 1, constraint "observation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "observation_region_id_index" on "observation" ("region_id");`);
    this.addSql(`create index "observation_period_index" on "observation" ("period");`);
    this.addSql(`create index "observation_indicator_id_index" on "observation" ("indicator_id");`);
    this.addSql(`create index "observation_entered_by_id_index" on "observation" ("entered_by_id");`);
    this.addSql(
      `alter table "observation" add constraint "observation_region_id_period_indicator_id_unique" unique ("region_id", "period", "indicator_id");`,
    );
    this.addSql(
      `create table "observation_revision" ("id" uuid not null, "observation_id" uuid not null, "revision" int not null, "value" double precision not null, "raw_count" double precision null, "raw_total" double precision null, "method" text check ("method" in ('DIRECT', 'FROM_COUNT', 'GINI_MICRODATA', 'GINI_LORENZ_QUADRATIC', 'GINI_LINEAR_INTERPOLATION', 'FROM_CAMPAIGNS')) not null, "source" varchar(300) null, "entered_by_label" varchar(254) null, "entered_at" timestamptz not null, "replaced_by_label" varchar(254) null, "replaced_at" timestamptz not null default now(), constraint "observation_revision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "observation_revision_observation_id_index" on "observation_revision" ("observation_id");`);
    this.addSql(
      `create table "methodology_version" ("id" uuid not null, "version" int not null, "name" varchar(200) not null, "description" text null, "settings" jsonb not null, "alert_rules" jsonb not null, "winsorise" boolean not null default false, "active" boolean not null default false, "created_by_id" uuid null, "created_at" timestamptz not null default now(), "activated_at" timestamptz null, constraint "methodology_version_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "methodology_version" add constraint "methodology_version_version_unique" unique ("version");`);
    this.addSql(`create unique index "methodology_version_one_active" on "methodology_version" ("active") where "active";`);
    this.addSql(
      `create table "assessment" ("id" uuid not null, "methodology_version_id" uuid not null, "region_id" uuid not null, "period" varchar(10) not null, "index" double precision null, "grade" text check ("grade" in ('HARMONIOUS', 'BASICALLY_HARMONIOUS', 'ATTENTION', 'WARNING')) null, "coverage" double precision not null, "complete" boolean not null, "method" text check ("method" in ('DIRECT', 'ROLLED_UP')) not null, "rank" int null, "sibling_count" int null, "previous_index" double precision null, "raw_values" double precision[] not null, "normalized_scores" double precision[] not null, "effective_weights" double precision[] not null, "contributions" double precision[] not null, "past_red_lines" boolean[] not null, "winsorised" boolean[] not null, "missing" text[] not null, "published" boolean not null default false, "computed_at" timestamptz not null default now(), constraint "assessment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "assessment_region_id_index" on "assessment" ("region_id");`);
    this.addSql(`create index "assessment_methodology_version_id_period_index" on "assessment" ("methodology_version_id", "period");`);
    this.addSql(
      `alter table "assessment" add constraint "assessment_methodology_version_id_region_id_period_unique" unique ("methodology_version_id", "region_id", "period");`,
    );
    this.addSql(
      `create table "alert" ("id" uuid not null, "methodology_version_id" uuid not null, "region_id" uuid not null, "period" varchar(10) not null, "kind" text check ("kind" in ('INDEX_BELOW', 'FALL_SINCE_PREVIOUS', 'RED_LINE')) not null, "indicator_code" varchar(32) not null default '', "details" jsonb not null, "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')) not null default 'OPEN', "raised_at" timestamptz not null default now(), "acknowledged_by" varchar(254) null, "acknowledged_at" timestamptz null, "resolved_by" varchar(254) null, "resolved_at" timestamptz null, "resolution_note" text null, constraint "alert_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "alert_methodology_version_id_index" on "alert" ("methodology_version_id");`);
    this.addSql(`create index "alert_region_id_index" on "alert" ("region_id");`);
    this.addSql(
      `alter table "alert" add constraint "alert_once" unique ("methodology_version_id", "region_id", "period", "kind", "indicator_code");`,
    );
    this.addSql(
      `alter table "observation" add constraint "observation_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "observation" add constraint "observation_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "observation" add constraint "observation_entered_by_id_foreign" foreign key ("entered_by_id") references "app_user" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "observation_revision" add constraint "observation_revision_observation_id_foreign" foreign key ("observation_id") references "observation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "methodology_version" add constraint "methodology_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "alert" add constraint "alert_methodology_version_id_foreign" foreign key ("methodology_version_id") references "methodology_version" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "alert" add constraint "alert_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(`create function "refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger "observation_revision_append_only" before update or delete on "observation_revision"
      for each row execute function "refuse_change"();`);
    this.addSql(`create trigger "observation_revision_no_truncate" before truncate on "observation_revision"
      for each statement execute function "refuse_change"();`);
    this.addSql(`create function "methodology_version_immutable"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.version, new.name, new.description, new.settings, new.alert_rules, new.winsorise, new.created_at)
            is distinct from (old.version, old.name, old.description, old.settings, old.alert_rules, old.winsorise, old.created_at) then
          raise exception 'a methodology version is immutable: create a new version' using errcode = 'insufficient_privilege';
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`create trigger "methodology_version_immutable" before update or delete on "methodology_version"
      for each row execute function "methodology_version_immutable"();`);

    this
      .addSql(`insert into "indicator" ("id", "code", "name_en", "name_zh", "unit_en", "unit_zh", "direction", "rate_basis", "goalpost_lower", "goalpost_upper", "red_line", "built_in") values
        (gen_random_uuid(), 'GINI', 'Gini coefficient of household income', '基尼系数', '0–1', '0–1', 'LOWER_IS_BETTER', 'NONE', 0.2, 0.6, 0.45, true),
        (gen_random_uuid(), 'PETITIONS', 'Letters and visits', '信访', 'per 10,000 residents', '件/万人', 'LOWER_IS_BETTER', 'PER_10K_RESIDENTS', 0, 50, 30, true),
        (gen_random_uuid(), 'MASS_INCIDENTS', 'Mass incidents', '群体性事件', 'per 100,000 residents', '起/十万人', 'LOWER_IS_BETTER', 'PER_100K_RESIDENTS', 0, 5, 2, true),
        (gen_random_uuid(), 'HOT_ISSUES', 'Hot issues of public concern resolved to the public’s satisfaction', '群众关注热点问题解决满意率', '%', '%', 'HIGHER_IS_BETTER', 'PERCENT', 0, 100, null, true),
        (gen_random_uuid(), 'PARTY_APPLICATIONS', 'People applying to join the party', '入党申请人数', 'per 1,000 residents', '人/千人', 'HIGHER_IS_BETTER', 'PER_1K_RESIDENTS', 0, 10, null, true),
        (gen_random_uuid(), 'CADRE_TRUST', 'People’s trust in leading cadres', '群众对领导干部信任度', '%', '%', 'HIGHER_IS_BETTER', 'PERCENT', 0, 100, null, true),
        (gen_random_uuid(), 'PAPER_SUBSCRIPTIONS', 'Self-funded subscriptions to party newspapers and periodicals', '自费订阅党报党刊', 'per 1,000 households', '份/千户', 'HIGHER_IS_BETTER', 'PER_1K_HOUSEHOLDS', 0, 100, null, true);`);
    this
      .addSql(`insert into "methodology_version" ("id", "version", "name", "description", "settings", "alert_rules", "active", "activated_at") values
        (gen_random_uuid(), 1, 'Default methodology', 'The seven default indicators, fixed goalposts, equal weights, weighted arithmetic mean (OECD/JRC Handbook defaults).',
         '{"indicators":[{"code":"GINI","direction":"LOWER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0.2,"upper":0.6},"redLine":0.45},{"code":"PETITIONS","direction":"LOWER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":50},"redLine":30},{"code":"MASS_INCIDENTS","direction":"LOWER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":5},"redLine":2},{"code":"HOT_ISSUES","direction":"HIGHER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":100},"redLine":null},{"code":"PARTY_APPLICATIONS","direction":"HIGHER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":10},"redLine":null},{"code":"CADRE_TRUST","direction":"HIGHER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":100},"redLine":null},{"code":"PAPER_SUBSCRIPTIONS","direction":"HIGHER_IS_BETTER","weight":0.14285714285714285,"normalization":{"kind":"GOALPOSTS","lower":0,"upper":100},"redLine":null}],"aggregation":"ARITHMETIC","gradeBands":[{"code":"HARMONIOUS","minimum":85},{"code":"BASICALLY_HARMONIOUS","minimum":70},{"code":"ATTENTION","minimum":60},{"code":"WARNING","minimum":0}],"coverageThreshold":0.65}'::jsonb, '[{"kind":"INDEX_BELOW","threshold":60},{"kind":"FALL_SINCE_PREVIOUS","points":5},{"kind":"RED_LINE"}]'::jsonb, true, now());`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table if exists "alert", "assessment", "methodology_version", "observation_revision", "observation", "indicator" cascade;',
    );
    this.addSql('drop function if exists "methodology_version_immutable"();');
    this.addSql('drop function if exists "refuse_change"();');
  }
}
