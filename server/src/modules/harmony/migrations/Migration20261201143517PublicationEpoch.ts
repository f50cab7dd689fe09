import { Migration } from '@mikro-orm/migrations';

/**
 * The publication epoch: one row, starting at 0, moved on by every change of what the public reads
 * (publication-epoch.listener.ts). The runtime role may only update its number (the manifest's
 * guardedColumns), never delete the row.
 */
export class Migration20261201143517PublicationEpoch extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "publication_epoch" ("id" smallint not null, "epoch" bigint not null, constraint "publication_epoch_pkey" primary key ("id"));`,
    );
    this.addSql(`insert into "publication_epoch" ("id", "epoch") values (1, 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "publication_epoch";`);
  }
}
