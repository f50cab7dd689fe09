import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset paging (common/keyset.ts): the times alerts, observations and indicators are ordered by
 * are kept to the millisecond, as a JavaScript Date holds them, so that a cursor carries the exact value a
 * page continues from (a microsecond lost in the cursor would skip or repeat rows that share its millisecond);
 * and each list's default order has an index that serves it, the page starting where the cursor points.
 */
export class Migration20261201203918KeysetHarmony extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "alert" alter column "raised_at" type timestamptz(3) using ("raised_at"::timestamptz(3));`);
    this.addSql(`create index "alert_raised_at_period_id_index" on "alert" ("raised_at", "period", "id");`);
    this.addSql(`alter table "observation" alter column "entered_at" type timestamptz(3) using ("entered_at"::timestamptz(3));`);
    this.addSql(`create index "observation_entered_at_id_index" on "observation" ("entered_at", "id");`);
    this.addSql(`alter table "indicator" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator" alter column "created_at" type timestamptz using ("created_at"::timestamptz);`);
    this.addSql(`drop index "observation_entered_at_id_index";`);
    this.addSql(`alter table "observation" alter column "entered_at" type timestamptz using ("entered_at"::timestamptz);`);
    this.addSql(`drop index "alert_raised_at_period_id_index";`);
    this.addSql(`alter table "alert" alter column "raised_at" type timestamptz using ("raised_at"::timestamptz);`);
  }
}
