import { Migration } from '@mikro-orm/migrations';

/**
 * Harmony's history is timed by the database (see the platform's stamp_database_time): when a value was
 * replaced by a correction, when a methodology version was made.
 */
export class Migration20261129000100HarmonyDatabaseTime extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of STAMPED) {
      this.addSql(`create trigger "${table}_${column}_by_database" before insert on "${table}"
        for each row execute function "stamp_database_time"('${column}');`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of STAMPED) this.addSql(`drop trigger if exists "${table}_${column}_by_database" on "${table}";`);
  }
}

const STAMPED = [
  ['observation_revision', 'replaced_at'],
  ['methodology_version', 'created_at'],
] as const;
