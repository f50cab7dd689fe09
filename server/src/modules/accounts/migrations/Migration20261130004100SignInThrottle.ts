import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in throttling without locks: keys for an e-mail from an address, an address, the platform and
 * registrations (long enough for an address and an e-mail), and the time before which the next attempt of a
 * key is refused instead of a lock. The counts are transient: they start afresh.
 */
export class Migration20261130004100SignInThrottle extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from "sign_in_throttle";');
    this.addSql('alter table "sign_in_throttle" alter column "key" type varchar(320) using ("key"::varchar(320));');
    this.addSql('alter table "sign_in_throttle" drop column "locked_until";');
    this.addSql('alter table "sign_in_throttle" add column "next_attempt_at" timestamptz not null;');
  }

  override async down(): Promise<void> {
    this.addSql('delete from "sign_in_throttle";');
    this.addSql('alter table "sign_in_throttle" drop column "next_attempt_at";');
    this.addSql('alter table "sign_in_throttle" add column "locked_until" timestamptz null;');
    this.addSql('alter table "sign_in_throttle" alter column "key" type varchar(254) using ("key"::varchar(254));');
  }
}
