import { Migration } from '@mikro-orm/migrations';

/**
 * A person's sessions, as "My account" lists them: each gets an opaque row key of its own (the API never
 * shows the cookie's secret nor its hash, the key the server looks a cookie up by), its creation time to
 * the millisecond (the list's keyset order), and an index that serves one user's list. The whole
 * User-Agent header stored so far is more than a person needs to recognise a session: it is dropped, and
 * new sessions keep only the browser and its system (user-agent.ts).
 */
export class Migration20261202153847AccountSessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "session" add column "id" uuid not null default gen_random_uuid();`);
    this.addSql(`alter table "session" add constraint "session_id_unique" unique ("id");`);
    this.addSql(`alter table "session" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`create index "session_user_id_created_at_id_index" on "session" ("user_id", "created_at", "id");`);
    this.addSql(`update "session" set "user_agent" = null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "session_user_id_created_at_id_index";`);
    this.addSql(`alter table "session" alter column "created_at" type timestamptz using ("created_at"::timestamptz);`);
    this.addSql(`alter table "session" drop constraint "session_id_unique";`);
    this.addSql(`alter table "session" drop column "id";`);
  }
}
