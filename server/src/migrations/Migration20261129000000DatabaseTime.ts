import { Migration } from '@mikro-orm/migrations';

/**
 * The times that make history are the database's, not the client's. `stamp_database_time(column)` sets a
 * column to the database's clock at insert, whatever the client sent, so a back-dated row cannot be
 * written (the runtime role cannot drop or disable the trigger: it owns no table). The audit log's
 * `occurred_at` is stamped here; modules stamp their own history tables in their migrations.
 *
 * `refuse_change()` becomes the platform's guard of append-only tables, for every module's history (the
 * harmony migration made it first for its revisions; the body is the same): a table is append-only with
 * `before update or delete … for each row` and `before truncate … for each statement` triggers on it.
 */
export class Migration20261129000000DatabaseTime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "stamp_database_time"() returns trigger language plpgsql as $$
      begin
        new := jsonb_populate_record(new, jsonb_build_object(tg_argv[0], clock_timestamp()));
        return new;
      end $$;`);
    this.addSql(`create or replace function "refuse_change"() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    for (const [table, column] of STAMPED) {
      this.addSql(`create trigger "${table}_${column}_by_database" before insert on "${table}"
        for each row execute function "stamp_database_time"('${column}');`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of STAMPED) this.addSql(`drop trigger if exists "${table}_${column}_by_database" on "${table}";`);
    this.addSql('drop function if exists "stamp_database_time"();');
  }
}

const STAMPED = [['audit_entry', 'occurred_at']] as const;
