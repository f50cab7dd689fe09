import { Migration } from '@mikro-orm/migrations';

/**
 * One revision of an observation is kept once: (observation_id, revision) is unique, the last guard of a
 * correction against a concurrent one (the service locks the observation first). A database written by a
 * server before this fix may hold copies of one revision from a race; those are history (append-only) and
 * are not rewritten here: the migration stops with what it found, for the owner to decide.
 */
export class Migration20261130000100ObservationRevisionUnique extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      declare duplicated bigint;
      begin
        select count(*) into duplicated from (
          select 1 from "observation_revision" group by "observation_id", "revision" having count(*) > 1) d;
        if duplicated > 0 then
          raise exception 'observation_revision holds % revisions recorded more than once (a race before this version): see select observation_id, revision, count(*) from observation_revision group by 1, 2 having count(*) > 1', duplicated;
        end if;
      end $$;`);
    this.addSql(
      `alter table "observation_revision" add constraint "observation_revision_observation_id_revision_unique" unique ("observation_id", "revision");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "observation_revision" drop constraint if exists "observation_revision_observation_id_revision_unique";`);
  }
}
