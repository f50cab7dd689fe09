import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_RANK_INDEX } from '../assessment-release.entity';

/**
 * The public dashboard's page is chosen by its releases' rank: an index with the rank beside the release's
 * key lets PostgreSQL find a period's order by an index-only scan (the release table is append-only, so its
 * pages stay all-visible) instead of reading every release of the period.
 */
export class Migration20261202174310PublicRankIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`${PUBLIC_RANK_INDEX};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "assessment_release_rank";`);
  }
}
