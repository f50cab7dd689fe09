import { Migration } from '@mikro-orm/migrations';

/** The figure an alert follows (shared's alertValue, in SQL): the index, or the indicator's value for a red line. */
const VALUE = `coalesce(case when "kind" = 'RED_LINE' then "details"->'value' else "details"->'index' end, 'null'::jsonb)`;

/** Every alert of the old shape (one per quarter) becomes a run of its own period. */
export const OWN_PERIOD_AS_HISTORY = `update "alert" set "first_period" = "period", "history" = jsonb_build_array(jsonb_build_object('period', "period", 'value', ${VALUE}));`;

/**
 * The unresolved alerts of a region and rule become one: the latest one's row, every period's value in
 * its history, raised when the first was, acknowledged if any had been; the others are deleted.
 */
export const MERGE_ALERT_RUNS = `with runs as (
        select "methodology_version_id", "region_id", "kind", "indicator_code",
               (array_agg("id" order by "period" desc))[1] as keeper,
               min("period") as first_period,
               jsonb_agg("history"->0 order by "period") as history,
               min("raised_at") as raised_at,
               bool_or("status" = 'ACKNOWLEDGED') as acknowledged,
               (array_agg("acknowledged_by" order by "acknowledged_at" desc nulls last))[1] as acknowledged_by,
               max("acknowledged_at") as acknowledged_at
          from "alert" where "status" <> 'RESOLVED'
         group by 1, 2, 3, 4),
      kept as (
        update "alert" a set "first_period" = r.first_period, "history" = r.history, "raised_at" = r.raised_at,
               "status" = case when r.acknowledged then 'ACKNOWLEDGED' else 'OPEN' end,
               "acknowledged_by" = case when r.acknowledged then r.acknowledged_by end,
               "acknowledged_at" = case when r.acknowledged then r.acknowledged_at end
          from runs r where a."id" = r.keeper
        returning a."id")
      delete from "alert" a using runs r
       where a."status" <> 'RESOLVED' and a."id" <> r.keeper
         and (a."methodology_version_id", a."region_id", a."kind", a."indicator_code") = (r."methodology_version_id", r."region_id", r."kind", r."indicator_code");`;

/**
 * Alerts become runs: one alert per region and rule until it is resolved, carrying the periods it has
 * been breached in (`first_period`, `history`) — no longer one alert per quarter. The alerts raised so
 * far are merged: the unresolved ones of a region and rule become one alert (the latest one's figures,
 * every period's value in its history, raised when the first was), acknowledged if any of them had been
 * acknowledged (the acknowledgement a quarter's re-raise used to lose); resolved alerts stay as they are.
 * The merged-away rows are deleted (their audit entries remain, under their old ids).
 */
export class Migration20261201093715AlertRuns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "alert" add column "first_period" varchar(10) null, add column "history" jsonb not null default '[]', add column "acknowledgement_note" text null;`,
    );
    this.addSql(OWN_PERIOD_AS_HISTORY);
    this.addSql(MERGE_ALERT_RUNS);
    this.addSql(`alter table "alert" drop constraint "alert_once";`);
    this.addSql(
      `create unique index "alert_unresolved_once" on "alert" ("methodology_version_id", "region_id", "kind", "indicator_code") where "status" <> 'RESOLVED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "alert_unresolved_once";`);
    this.addSql(
      `alter table "alert" add constraint "alert_once" unique ("methodology_version_id", "region_id", "period", "kind", "indicator_code");`,
    );
    this.addSql(`alter table "alert" drop column "first_period", drop column "history", drop column "acknowledgement_note";`);
  }
}
