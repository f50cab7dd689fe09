import { Migration } from '@mikro-orm/migrations';

/** The security log records password changes, and refused ones (a wrong current password), beside sign-ins. */
export class Migration20261202153848PasswordChangeEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "security_event" drop constraint if exists "security_event_kind_check";`);
    this.addSql(
      `alter table "security_event" add constraint "security_event_kind_check" check ("kind" in ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'REGISTRATION_THROTTLED', 'REFUSED', 'PASSWORD_CHANGED', 'PASSWORD_CHANGE_FAILED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "security_event" drop constraint if exists "security_event_kind_check";`);
    this.addSql(
      `alter table "security_event" add constraint "security_event_kind_check" check ("kind" in ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'REGISTRATION_THROTTLED', 'REFUSED'));`,
    );
  }
}
