import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset paging (common/keyset.ts): the times users, organizations and API tokens are ordered by
 * are kept to the millisecond, as a JavaScript Date holds them, so that a cursor carries the exact value a
 * page continues from (a microsecond lost in the cursor would skip or repeat rows that share its millisecond);
 * and each list's default order has an index that serves it, the page starting where the cursor points.
 */
export class Migration20261201203919KeysetAccounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`create index "app_user_created_at_id_index" on "app_user" ("created_at", "id");`);
    this.addSql(`alter table "organization" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`create index "organization_name_id_index" on "organization" ("name", "id");`);
    this.addSql(`alter table "api_token" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`alter table "api_token" alter column "last_used_at" type timestamptz(3) using ("last_used_at"::timestamptz(3));`);
    this.addSql(`create index "api_token_created_at_id_index" on "api_token" ("created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "api_token_created_at_id_index";`);
    this.addSql(`alter table "api_token" alter column "last_used_at" type timestamptz using ("last_used_at"::timestamptz);`);
    this.addSql(`alter table "api_token" alter column "created_at" type timestamptz using ("created_at"::timestamptz);`);
    this.addSql(`drop index "organization_name_id_index";`);
    this.addSql(`alter table "organization" alter column "created_at" type timestamptz using ("created_at"::timestamptz);`);
    this.addSql(`drop index "app_user_created_at_id_index";`);
    this.addSql(`alter table "app_user" alter column "created_at" type timestamptz using ("created_at"::timestamptz);`);
  }
}
