import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger (docs/ledger.md; DDL from `npm run migration:diff`, triggers and the head's row ours):
 * entries and tree nodes refuse UPDATE, DELETE and TRUNCATE (`refuse_change`, the platform's guard of
 * append-only tables); the head is one row that is never deleted and whose size never goes back.
 */
export class Migration20261129174213Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ledger_entry" ("sequence" bigint not null, "recorded_at" timestamptz(3) not null, "record_type" varchar(64) not null, "record_id" uuid not null, "payload_hash" bytea not null, "previous_hash" bytea not null, "entry_hash" bytea not null, constraint "ledger_entry_pkey" primary key ("sequence"));`,
    );
    this.addSql(`create index "ledger_entry_record_id_index" on "ledger_entry" ("record_id");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_record_once" unique ("record_type", "record_id");`);
    this.addSql(
      `create table "ledger_head" ("id" smallint not null, "size" bigint not null, "last_hash" bytea not null, constraint "ledger_head_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "ledger_node" ("level" smallint not null, "index" bigint not null, "hash" bytea not null, constraint "ledger_node_pkey" primary key ("level", "index"));`,
    );
    for (const table of ['ledger_entry', 'ledger_node']) {
      this.addSql(
        `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "refuse_change"();`,
      );
      this.addSql(
        `create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "refuse_change"();`,
      );
    }
    this.addSql(`insert into "ledger_head" ("id", "size", "last_hash") values (1, 0, decode(repeat('00', 32), 'hex'));`);
    this.addSql(`create function "ledger_head_moves_forward"() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'UPDATE' or new."id" <> old."id" or new."size" < old."size" then
          raise exception 'the ledger head only moves forward: % refused', tg_op using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "ledger_head_moves_forward" before update or delete on "ledger_head"
      for each row execute function "ledger_head_moves_forward"();`);
    this.addSql(
      `create trigger "ledger_head_no_truncate" before truncate on "ledger_head" for each statement execute function "refuse_change"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop table if exists "ledger_node" cascade;`);
    this.addSql(`drop table if exists "ledger_head" cascade;`);
    this.addSql(`drop function if exists "ledger_head_moves_forward"();`);
  }
}
