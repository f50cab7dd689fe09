import { Migration } from '@mikro-orm/migrations';

/**
 * The times that make history are the database's, not the client's: when an audit entry happened, when
 * an observation's value was replaced, when a methodology version was made. A trigger sets them at
 * insert, whatever the client sent, so a back-dated row cannot be written (the runtime role cannot
 * drop or disable the trigger: it owns no table).
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

const STAMPED = [
  ['audit_entry', 'occurred_at'],
  ['observation_revision', 'replaced_at'],
  ['methodology_version', 'created_at'],
] as const;
