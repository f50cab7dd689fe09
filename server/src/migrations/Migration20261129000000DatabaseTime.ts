import { Migration } from '@mikro-orm/migrations';

/**
 * The times that make history are the database's, not the client's. `stamp_database_time(column)` sets a
 * column to the database's clock at insert, whatever the client sent, so a back-dated row cannot be
 * written (the runtime role cannot drop or disable the trigger: it owns no table). The audit log's
 * `occurred_at` is stamped here; modules stamp their own history tables in their migrations.
 */
export class Migration20261129000000DatabaseTime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "stamp_database_time"() returns trigger language plpgsql as $$
      begin
        new := jsonb_populate_record(new, jsonb_build_object(tg_argv[0], clock_timestamp()));
        return new;
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
