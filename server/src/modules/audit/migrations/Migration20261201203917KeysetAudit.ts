import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset paging (common/keyset.ts): the times the audit and security logs are ordered by
 * are kept to the millisecond, as a JavaScript Date holds them, so that a cursor carries the exact value a
 * page continues from (a microsecond lost in the cursor would skip or repeat rows that share its millisecond);
 * and each list's default order has an index that serves it, the page starting where the cursor points.
 */
export class Migration20261201203917KeysetAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "audit_entry_occurred_at_index";`);
    this.addSql(`alter table "audit_entry" alter column "occurred_at" type timestamptz(3) using ("occurred_at"::timestamptz(3));`);
    this.addSql(`create index "audit_entry_occurred_at_id_index" on "audit_entry" ("occurred_at", "id");`);
    this.addSql(`create index "audit_entry_action_occurred_at_id_index" on "audit_entry" ("action", "occurred_at" desc, "id" desc);`);
    this.addSql(`drop index "security_event_occurred_at_index";`);
    this.addSql(`alter table "security_event" alter column "occurred_at" type timestamptz(3) using ("occurred_at"::timestamptz(3));`);
    this.addSql(`create index "security_event_occurred_at_id_index" on "security_event" ("occurred_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "security_event_occurred_at_id_index";`);
    this.addSql(`alter table "security_event" alter column "occurred_at" type timestamptz using ("occurred_at"::timestamptz);`);
    this.addSql(`create index "security_event_occurred_at_index" on "security_event" ("occurred_at");`);
    this.addSql(`drop index "audit_entry_action_occurred_at_id_index";`);
    this.addSql(`drop index "audit_entry_occurred_at_id_index";`);
    this.addSql(`alter table "audit_entry" alter column "occurred_at" type timestamptz using ("occurred_at"::timestamptz);`);
    this.addSql(`create index "audit_entry_occurred_at_index" on "audit_entry" ("occurred_at");`);
  }
}
