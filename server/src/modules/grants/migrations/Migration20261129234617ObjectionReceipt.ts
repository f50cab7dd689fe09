import { Migration } from '@mikro-orm/migrations';

/**
 * An anonymous objection's receipt: the SHA-256 of a random code shown once to its filer, the only way
 * back to it (null for named objections, which carry their filer's id). Added nullable to the append-only
 * table, whose refuse_change trigger stays as it was; and an index for a citizen's own named objections.
 */
export class Migration20261129234617ObjectionReceipt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "grant_objection" add column "receipt_hash" bytea null;`);
    this.addSql(`alter table "grant_objection" add constraint "grant_objection_receipt_hash_unique" unique ("receipt_hash");`);
    this.addSql(`create index "grant_objection_filed_by_filed_at_id_index" on "grant_objection" ("filed_by", "filed_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "grant_objection_filed_by_filed_at_id_index";`);
    this.addSql(`alter table "grant_objection" drop constraint "grant_objection_receipt_hash_unique";`);
    this.addSql(`alter table "grant_objection" drop column "receipt_hash";`);
  }
}
