import { Migration } from '@mikro-orm/migrations';

/**
 * Assessment storage for bulk recomputation (DDL from `npm run migration:diff`, the conversion is ours):
 * - keyed by version, period and region instead of a surrogate id that changed with every
 *   recomputation: the key replaces the unique constraint and the (version, period) index, so a bulk
 *   write maintains two indexes instead of four;
 * - the six per-indicator arrays and `missing` become one packed `figures` column (layout in
 *   assessment-figures.ts; `missing` is where the score is NaN). Existing rows are converted here, so
 *   what was published stays published;
 * - half of each page is left free, so that a recomputation updates its assessments in place (a "HOT"
 *   update: no new index entries) instead of deleting and re-inserting them (measured on 60,000:
 *   0.45 s against 1.1 s).
 */
export class Migration20261126020000AssessmentStorage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "assessment_methodology_version_id_period_index";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_methodology_version_id_region_id_period_unique";`);
    this.addSql(`alter table "assessment" drop constraint "assessment_pkey";`);
    this.addSql(`alter table "assessment" drop column "id";`);
    this.addSql(`alter table "assessment" add constraint "assessment_pkey" primary key ("methodology_version_id", "period", "region_id");`);

    this.addSql(`alter table "assessment" set (fillfactor = 50);`);
    this.addSql(`alter table "assessment" add column "figures" bytea null;`);
    this.addSql(
      `update "assessment" a set "figures" =
         (select string_agg(float8send(coalesce(v, 'NaN'::float8)), ''::bytea order by n)
            from unnest(a.raw_values || a.normalized_scores || a.effective_weights || a.contributions) with ordinality as u(v, n))
         || (select string_agg(set_byte('\\x00'::bytea, 0, (case when p then 1 else 0 end) + (case when w then 2 else 0 end)), ''::bytea order by n)
               from unnest(a.past_red_lines, a.winsorised) with ordinality as f(p, w, n));`,
    );
    this.addSql(`alter table "assessment" alter column "figures" set not null;`);
    this.addSql(
      `alter table "assessment" drop column "raw_values", drop column "normalized_scores", drop column "effective_weights", drop column "contributions", drop column "past_red_lines", drop column "winsorised", drop column "missing";`,
    );
  }

  /** Back to the previous layout; the per-indicator figures are not converted back: recompute afterwards. */
  override async down(): Promise<void> {
    this.addSql(
      `alter table "assessment" add column "raw_values" double precision[] not null default '{}', add column "normalized_scores" double precision[] not null default '{}', add column "effective_weights" double precision[] not null default '{}', add column "contributions" double precision[] not null default '{}', add column "past_red_lines" boolean[] not null default '{}', add column "winsorised" boolean[] not null default '{}', add column "missing" text[] not null default '{}';`,
    );
    this.addSql(`alter table "assessment" drop column "figures";`);
    this.addSql(`alter table "assessment" reset (fillfactor);`);
    this.addSql(`alter table "assessment" drop constraint "assessment_pkey";`);
    this.addSql(`alter table "assessment" add column "id" uuid not null default gen_random_uuid();`);
    this.addSql(`alter table "assessment" add constraint "assessment_pkey" primary key ("id");`);
    this.addSql(
      `alter table "assessment" add constraint "assessment_methodology_version_id_region_id_period_unique" unique ("methodology_version_id", "region_id", "period");`,
    );
    this.addSql(`create index "assessment_methodology_version_id_period_index" on "assessment" ("methodology_version_id", "period");`);
  }
}
